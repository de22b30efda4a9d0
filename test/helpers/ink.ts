// Rendering helpers for the TUI suites: press keys, wait for a frame (poll, never sleep blindly),
// and render the whole app over a fake service (trap 3: keys before the first effect get lost).
import { createElement, type ReactElement } from 'react';
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { AppContext } from '../../src/app-context.js';
import type { PreferencesStore } from '../../src/config/preferences-types.js';
import { App } from '../../components/app.js';
import { fakeContext, type FakeService } from './fake-service.js';
import { createMemoryPreferences } from './preferences.js';

/** Named keys as a terminal sends them; anything else is written as typed. */
export const KEYS: Record<string, string> = {
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D',
  enter: '\r', return: '\r', escape: '\x1b', esc: '\x1b', tab: '\t', shiftTab: '\x1b[Z',
  backspace: '\x7f', delete: '\x1b[3~', space: ' ',
  pageUp: '\x1b[5~', pageDown: '\x1b[6~', home: '\x1b[H', end: '\x1b[F',
  'ctrl+c': '\x03', 'ctrl+r': '\x12', 'ctrl+u': '\x15',
};

const tick = () => new Promise<void>((r) => setImmediate(r));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface WritableStdin { write(data: string): void }

/** Writes one key (a name from KEYS or literal text) and lets Ink process it. */
export async function press(stdin: WritableStdin, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    stdin.write(KEYS[key] ?? key);
    // A lone Esc is held back until the next turn; a frame needs ~2 turns.
    await tick();
    await tick();
    await tick();
  }
}

/** Polls until the frame contains the text (or matches the regex); fails loudly with the last frame. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  match: string | RegExp | ((frame: string) => boolean),
  timeoutMs = 3000,
): Promise<string> {
  const test = typeof match === 'function' ? match : typeof match === 'string' ? (f: string) => f.includes(match) : (f: string) => match.test(f);
  const start = Date.now();
  for (;;) {
    const frame = lastFrame() ?? '';
    if (test(frame)) return frame;
    if (Date.now() - start > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(match)}; last frame:\n${frame}`);
    }
    await sleep(5);
  }
}

export interface RenderAppProps {
  ctx?: AppContext;
  preferences?: PreferencesStore;
  /** Terminal size; the fake stdout has 100 columns and no rows (trap 5). */
  columns?: number;
  rows?: number;
}

export interface RenderedApp {
  lastFrame: () => string;
  stdin: { write(data: string): void };
  stdout: NodeJS.EventEmitter & { columns: number; rows?: number };
  ctx: AppContext & { service: FakeService };
  preferences: PreferencesStore;
  /** Texts copied with `y` (the clipboard is replaced by this list). */
  copied: string[];
  exitCodes: number[];
  press(key: string, times?: number): Promise<void>;
  waitFor(match: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Changes the fake terminal's size and tells Ink and the app. */
  resize(columns: number, rows: number): void;
  unmount(): void;
}

/** Renders <App> over a fake context (or the one given) and an in-memory preferences store. */
export function renderApp(props: RenderAppProps = {}): RenderedApp {
  const ctx = (props.ctx ?? fakeContext()) as AppContext & { service: FakeService };
  const preferences = props.preferences ?? createMemoryPreferences();
  const copied: string[] = [];
  const exitCodes: number[] = [];
  const element: ReactElement = createElement(App, {
    ctx, preferences, copy: (t: string) => copied.push(t), onExit: (code: number) => exitCodes.push(code),
  });
  const { stdout, stdin, lastFrame, unmount } = renderInk(element, { columns: props.columns ?? 100, rows: props.rows ?? 30 });
  return {
    lastFrame: () => lastFrame() ?? '',
    stdin,
    stdout,
    ctx,
    preferences,
    copied,
    exitCodes,
    press: (key, times) => press(stdin, key, times),
    waitFor: (match, timeoutMs) => waitForFrame(lastFrame, match, timeoutMs),
    resize(columns, rows) {
      setSize(stdout, columns, rows);
      stdout.emit('resize');
    },
    unmount,
  };
}

function setSize(stdout: object, columns: number, rows: number) {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true, writable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true, writable: true });
}

/** Fake terminal streams like ink-testing-library's, but with a size the test chooses. */
class FakeStdout extends EventEmitter {
  columns: number;
  rows?: number;
  isTTY = true;
  frames: string[] = [];
  private last: string | undefined;
  constructor(columns: number, rows?: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (frame: string) => {
    this.frames.push(frame);
    this.last = frame;
    return true;
  };
  lastFrame = () => this.last;
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** Renders any element in a fake terminal of the given size (rows may be left undefined, trap 5). */
export function renderInk(element: ReactElement, size: { columns?: number; rows?: number } = {}) {
  const stdout = new FakeStdout(size.columns ?? 100, size.rows);
  const stderr = new FakeStdout(size.columns ?? 100);
  const stdin = new FakeStdin();
  const instance = inkRender(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    stdout,
    stdin,
    lastFrame: () => stdout.lastFrame() ?? '',
    press: (key: string, times?: number) => press(stdin, key, times),
    waitFor: (match: string | RegExp | ((frame: string) => boolean), timeoutMs?: number) => waitForFrame(stdout.lastFrame, match, timeoutMs),
    rerender: instance.rerender,
    unmount: () => instance.unmount(),
  };
}
