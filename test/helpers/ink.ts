// Rendering helpers for the TUI suites: press keys, wait for a frame (poll, never sleep blindly),
// and render the whole app over a fake service (a key written before the first effect can be lost: wait for the frame).
import { createElement, type ReactElement } from 'react';
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { AppContext } from '../../src/app-context.js';
import type { PreferencesStore } from '../../src/config/preferences-types.js';
import { App } from '../../components/app.js';
import { render as tlRender } from 'ink-testing-library';
import type { Connection } from '../../src/app-context.js';
import { initialModel, type Model, type Prefs } from '../../src/tui/app/model.js';
import type { Msg, Step, Effect } from '../../src/tui/app/messages.js';
import type { Store } from '../../src/tui/app/store.js';
import { update } from '../../src/tui/app/update.js';
import { KeyDecoder, type KeyEvent } from '../../src/tui/input/keys.js';
import { DEFAULT_COLUMNS } from '../../src/config/preferences-types.js';
import { DEFAULT_SORT, EMPTY_FILTER } from '../../src/model/filter.js';
import { FAKE_NOW, fakeConnection, fakeContext, fakeOrganisation, type FakeService, type FakeServiceOptions } from './fake-service.js';
import { createMemoryPreferences } from './preferences.js';

/** Named keys as a terminal sends them; anything else is written as typed. */
export const KEYS: Record<string, string> = {
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D',
  enter: '\r', return: '\r', escape: '\x1b', esc: '\x1b', tab: '\t', shiftTab: '\x1b[Z',
  backspace: '\x7f', delete: '\x1b[3~', space: ' ',
  pageUp: '\x1b[5~', pageDown: '\x1b[6~', home: '\x1b[H', end: '\x1b[F',
  'ctrl+c': '\x03', 'ctrl+r': '\x12', 'ctrl+u': '\x15', 'ctrl+w': '\x17', 'ctrl+k': '\x0b', 'ctrl+a': '\x01', 'ctrl+e': '\x05',
  f1: '\x1bOP',
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
  /** Terminal size; the fake stdout has 100 columns and no rows. */
  columns?: number;
  rows?: number;
}

const sleepTicks = async (n: number) => {
  for (let i = 0; i < n; i++) await tick();
};

export interface RenderedApp {
  lastFrame: () => string;
  stdin: { write(data: string): void };
  stdout: NodeJS.EventEmitter & { columns: number; rows?: number; frames: string[] };
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
  /** The app's store (null until <App> made it). */
  store(): Store | null;
  /** The app's model now. */
  model(): Model;
  /** Waits until the store has no message waiting and the frame has caught up; returns the frame. */
  idle(timeoutMs?: number): Promise<string>;
  /** Writes raw input (one read, as a terminal would deliver it) and waits until the app is idle. */
  type(raw: string): Promise<string>;
}

/** Renders <App> over a fake context (or the one given) and an in-memory preferences store. */
export function renderApp(props: RenderAppProps = {}): RenderedApp {
  const ctx = (props.ctx ?? fakeContext()) as AppContext & { service: FakeService };
  const preferences = props.preferences ?? createMemoryPreferences();
  const copied: string[] = [];
  const exitCodes: number[] = [];
  let store: Store | null = null;
  const element: ReactElement = createElement(App, {
    ctx, preferences, copy: (t: string) => copied.push(t), onExit: (code: number) => exitCodes.push(code), onStore: (s: Store) => {
      store = s;
    },
  });
  const { stdout, stdin, lastFrame, unmount } = renderInk(element, { columns: props.columns ?? 100, rows: props.rows ?? 30 });
  const idle = async (timeoutMs = 3000) => {
    const start = Date.now();
    for (;;) {
      if (store && store.pending() === 0) {
        // The last batch's render lands a couple of turns later: idle when the frame holds still.
        const before = stdout.frames.length;
        await sleepTicks(4);
        if (store.pending() === 0 && stdout.frames.length === before) return lastFrame() ?? '';
        continue;
      }
      if (Date.now() - start > timeoutMs) throw new Error(`The app did not become idle within ${timeoutMs} ms (${store ? store.pending() : 'no store'} messages waiting); last frame:\n${lastFrame() ?? ''}`);
      await sleep(2);
    }
  };
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
    store: () => store,
    model: () => {
      if (!store) throw new Error('The app has not made its store yet');
      return (store as Store).getModel();
    },
    idle,
    async type(raw) {
      stdin.write(raw);
      await tick();
      return idle();
    },
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

/** Renders any element in a fake terminal of the given size (rows may be left undefined: the fake stdout has none). */
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

/** The text inside the box drawn over the list (a panel, dialog or the wizard), lines as they are; '' when none. */
export function overlayLines(frame: string): string[] {
  const lines = frame.split('\n').map((l) => Array.from(l));
  const top = lines.findIndex((l) => l.includes('╭'));
  if (top === -1) return [];
  const left = lines[top]!.indexOf('╭');
  const right = lines[top]!.indexOf('╮', left);
  const out: string[] = [];
  for (let i = top + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l[left] === '╰') break;
    out.push(l.slice(left + 1, right === -1 ? undefined : right).join(''));
  }
  return out;
}

/**
 * Frame text with borders taken off and lines joined, so wrapped sentences still match: the
 * overlay's text first (read inside its box, not mixed with the list beside it), then the whole frame's.
 */
export function flat(frame: string): string {
  const squash = (lines: string[]) => lines.map((l) => l.replace(/^[│╭╰]\s?|\s?[│╮╯]$/g, '').trim()).join(' ').replace(/\s+/g, ' ');
  const overlay = overlayLines(frame);
  return overlay.length ? `${squash(overlay)} ¦ ${squash(frame.split('\n'))}` : squash(frame.split('\n'));
}

// ---------------------------------------------------------------------------------------------
// Pure tests of the app: a model with the fake organisation loaded, keys decoded as a terminal
// sends them, messages run through the one update function.

export interface ModelOptions {
  credentials?: FakeServiceOptions['credentials'];
  caller?: FakeServiceOptions['caller'];
  columns?: number;
  rows?: number;
  readOnly?: boolean;
  signingKeyId?: string | null;
  prefs?: Partial<Prefs>;
  connection?: Partial<Connection>;
  /** False: the first load has not answered yet. */
  loaded?: boolean;
  credentialsPath?: string;
}

export function appModel(o: ModelOptions = {}): Model {
  const prefs: Prefs = { columns: [...DEFAULT_COLUMNS], sort: { ...DEFAULT_SORT }, filter: structuredClone(EMPTY_FILTER), ...o.prefs };
  const model = initialModel({
    readOnly: o.readOnly ?? false, connection: fakeConnection(o.connection), credentialsPath: o.credentialsPath ?? '/tmp/vcreds-test-credentials',
    signingKeyId: o.signingKeyId ?? null, size: { columns: o.columns ?? 100, rows: o.rows ?? 30 }, prefs, now: FAKE_NOW,
  });
  if (o.loaded === false) return model;
  return update(model, { kind: 'loaded', organisation: fakeOrganisation({ credentials: o.credentials, caller: o.caller }), now: FAKE_NOW }).model;
}

/** Key names of KEYS or literal text, decoded the way the app decodes a terminal's input. */
export function keyEvents(...keys: string[]): KeyEvent[] {
  const decoder = new KeyDecoder();
  return keys.flatMap((k) => decoder.push(KEYS[k] ?? k));
}

/** Runs messages through update, collecting every effect. */
export function run(model: Model, ...msgs: Msg[]): Step {
  const effects: Effect[] = [];
  let m = model;
  for (const msg of msgs) {
    const s = update(m, msg);
    m = s.model;
    effects.push(...s.effects);
  }
  return { model: m, effects };
}

/** Presses keys (names of KEYS or literal text, each one read) and returns the model and effects. */
export function keys(model: Model, ...names: string[]): Step {
  return run(model, ...keyEvents(...names).map((event) => ({ kind: 'key', event }) as const));
}

// ---------------------------------------------------------------------------------------------
// Component suites: ink-testing-library (100 columns, no rows). A frame lands a couple of
// setImmediate turns after a render: poll for it, never sleep a fixed time.

export function renderView(element: ReactElement) {
  const ui = tlRender(element);
  return {
    ...ui,
    lastFrame: () => ui.lastFrame() ?? '',
    waitFor: (match: string | RegExp | ((frame: string) => boolean), timeoutMs?: number) => waitForFrame(ui.lastFrame, match, timeoutMs),
  };
}
