// The key fuzzer's driver: the whole app (the real store, update and effect runner over the fake
// service) fed raw terminal input the way the running app gets it (Ink's input parser, then the
// app's KeyDecoder, then store.keys), with frames drawn by the real components. A shadow of the
// model is kept by applying the same messages, in the same order, to the pure `update`: it sees
// every transition (the store only shows the model after each batch), which is what the
// one-time-secret check needs.
import { createElement as h } from 'react';
import { Box, renderToString } from 'ink';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Ink does not export its input parser; the app receives exactly what it emits, so use the same one.
import { createInputParser } from '../../node_modules/ink/build/input-parser.js';
import { ColumnChooser } from '../../components/column-chooser.js';
import { CreateWizard } from '../../components/wizard-view.js';
import { DetailsView } from '../../components/details-view.js';
import { FilterPanel } from '../../components/filter-panel.js';
import { HelpOverlay } from '../../components/help-view.js';
import { ListScreen } from '../../components/list-screen.js';
import { MessagesView } from '../../components/messages-view.js';
import { RevokeDialog } from '../../components/revoke-dialog.js';
import { RotateDialog } from '../../components/rotate-dialog.js';
import { SecretResult } from '../../components/secret-screen.js';
import { SortPicker } from '../../components/sort-picker.js';
import { createEffectRunner } from '../../src/tui/app/effects.js';
import { initialModel, topOf, type Model, type Screen } from '../../src/tui/app/model.js';
import { initialPrefs } from '../../src/tui/app/prefs.js';
import { createStore, type Store } from '../../src/tui/app/store.js';
import { keyTarget, update } from '../../src/tui/app/update.js';
import type { Effect, Msg } from '../../src/tui/app/messages.js';
import { isKept } from '../../src/tui/dialogs/secret-screen.js';
import { KeyDecoder, type KeyEvent } from '../../src/tui/input/keys.js';
import { appHeight, listLayout } from '../../src/tui/list/list-screen.js';
import { cursorOf, listRows } from '../../src/tui/list/rows.js';
import { cellWidth } from '../../src/tui/truncate.js';
import { heldSecrets, type HeldSecret } from '../../src/ops/held-secrets.js';
import { fakeContext, manyCredentials, fakeCredentials, type FakeService } from './fake-service.js';
import { createMemoryPreferences } from './preferences.js';
import { renderInk } from './ink.js';

// ---------------------------------------------------------------------------------------------
// What a sequence is made of (plain JSON, so a shrunk counterexample reads as keys).

/** One piece of a read: typed text, a named key, a bracketed paste, or a lone Esc then a key. */
export type Piece = { text: string } | { key: string } | { paste: string } | { escThen: string };

export type FuzzStep =
  /** One read from the terminal: the pieces concatenated. */
  | { read: Piece[] }
  /** Several reads in one turn of the event loop (a pending Esc carries over into the next). */
  | { reads: Piece[][] }
  | { resize: [columns: number, rows: number] }
  /** Let this many turns of the event loop pass (effects answer meanwhile); 0: until idle. */
  | { wait: number };

export interface FuzzConfig {
  /** The fake organisation: the usual ten credentials, or many. */
  org: 'small' | 'many' | 'empty';
  /** vcreds signs with alice's HMAC key (rotating or revoking it asks for a typed confirmation). */
  signing: boolean;
  readOnly: boolean;
  /** A local profile holds alice's key (rotating it then saves the new one there). */
  profile: boolean;
  size: [columns: number, rows: number];
}

/** Named keys as a terminal sends them. */
export const RAW_KEYS: Record<string, string> = {
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', home: '\x1b[H', end: '\x1b[F',
  'home~': '\x1b[1~', 'end~': '\x1b[4~', pgup: '\x1b[5~', pgdn: '\x1b[6~', delete: '\x1b[3~', f1: '\x1bOP', 'f1~': '\x1b[11~',
  'ctrl+up': '\x1b[1;5A', 'legacy-up': '\x1b[[A', 'ss3-down': '\x1bOB', 'f5': '\x1b[15~', focus: '\x1b[I', mouse: '\x1b[<0;10;5M',
  enter: '\r', lf: '\n', tab: '\t', 'shift+tab': '\x1b[Z', esc: '\x1b', 'esc-esc': '\x1b\x1b', backspace: '\x7f', 'ctrl+h': '\b',
  'ctrl+c': '\x03', 'ctrl+u': '\x15', 'ctrl+w': '\x17', 'ctrl+r': '\x12', 'ctrl+b': '\x02', 'ctrl+f': '\x06',
  'ctrl+a': '\x01', 'ctrl+e': '\x05', 'ctrl+k': '\x0b', 'ctrl+d': '\x04', nul: '\x00', c1: '\u009b',
};

export function rawOf(p: Piece): string {
  if ('text' in p) return p.text;
  if ('key' in p) return RAW_KEYS[p.key] ?? p.key;
  if ('paste' in p) return `\x1b[200~${p.paste}\x1b[201~`;
  return `\x1b${p.escThen}`;
}

// ---------------------------------------------------------------------------------------------
// Rendering with the real components (the same composition as components/app.tsx).

function Overlay({ model }: { model: Model }) {
  const screen = topOf(model);
  switch (screen.kind) {
    case 'list':
    case 'search': return null;
    case 'details': return h(DetailsView, { model, screen });
    case 'filter': return h(FilterPanel, { model, screen });
    case 'columns': return h(ColumnChooser, { model, screen });
    case 'sort': return h(SortPicker, { model, screen });
    case 'help': return h(HelpOverlay, { model, screen });
    case 'messages': return h(MessagesView, { model, screen });
    case 'wizard': return h(CreateWizard, { model, screen });
    case 'revoke': return h(RevokeDialog, { model, screen });
    case 'rotate': return h(RotateDialog, { model, screen });
    case 'secret': return h(SecretResult, { model, screen });
  }
}

function Frame({ model }: { model: Model }) {
  return h(Box, { flexDirection: 'column', width: Math.max(20, model.size.columns), height: appHeight(model) },
    h(ListScreen, { model }), h(Overlay, { model }));
}

// SGR styling, and the other ESC sequences Ink may write for styling (OSC 8 links).
const SGR = /\x1b\[[0-9;:]*m/g;
const OSC8 = /\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)/g;
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/**
 * One Ink instance for all sessions, re-rendered with each model to check (a fresh renderToString
 * per frame costs about twice as much). Its fake terminal takes the model's size.
 */
let ink: ReturnType<typeof renderInk> | null = null;

function draw(model: Model): string {
  if (process.env.FUZZ_RENDER === 'string') return renderToString(h(Frame, { model }), { columns: model.size.columns });
  const element = h(Frame, { model });
  if (!ink) {
    ink = renderInk(element, { columns: model.size.columns, rows: model.size.rows });
  } else {
    ink.stdout.columns = model.size.columns;
    ink.stdout.rows = model.size.rows;
    ink.rerender(element);
  }
  return ink.lastFrame();
}

export function closeRenderer(): void {
  ink?.unmount();
  ink = null;
}

/** Draws the model and returns what is wrong with the frame (empty when nothing). */
export function checkFrame(model: Model): { frame: string; problems: string[] } {
  const columns = model.size.columns;
  const out = draw(model);
  const plain = out.replace(OSC8, '').replace(SGR, '');
  const problems: string[] = [];
  const bad = RAW_CONTROL.exec(plain);
  if (bad) problems.push(`raw control character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} in the frame at ${JSON.stringify(plain.slice(Math.max(0, bad.index - 30), bad.index + 10))}`);
  const lines = plain.split('\n');
  lines.forEach((line, i) => {
    const w = cellWidth(line);
    if (w > columns) problems.push(`line ${i + 1} is ${w} cells wide in a ${columns}-column terminal: ${JSON.stringify(line)}`);
  });
  const height = appHeight(model);
  if (lines.length > height) problems.push(`the frame has ${lines.length} lines; the app may draw ${height} (terminal of ${model.size.rows} rows)`);
  return { frame: plain, problems };
}

// ---------------------------------------------------------------------------------------------
// Invariants on the model.

/** The selection is one of the rows shown (or there are none), inside the table's window. */
export function checkSelection(model: Model): string[] {
  const list = listRows(model);
  if (list.rows.length === 0) return [];
  const ids = new Set(list.rows.map((i) => list.sorted[i]!.id));
  if (model.selectedId === null || !ids.has(model.selectedId)) {
    return [`the selected id ${JSON.stringify(model.selectedId)} is not one of the ${list.rows.length} rows shown`];
  }
  const cursor = cursorOf(list, model.selectedId);
  const { tableRows } = listLayout(model);
  if (cursor < model.top || cursor >= model.top + tableRows) {
    return [`the selected row ${cursor} is outside the table's window ${model.top}..${model.top + tableRows - 1}`];
  }
  return [];
}

const secretScreens = (m: Model) => m.stack.filter((s): s is Extract<Screen, { kind: 'secret' }> => s.kind === 'secret');

/** Why a secret was let go of: only a user's explicit choice counts. */
type Release = 'copied' | 'saved' | 'left' | 'left+quit' | 'kept+done';

/**
 * The one-time-secret rule on one transition of the shadow: a secret screen leaves the stack only
 * with a release of its secret, and a secret is released only on a user's explicit choice.
 */
function secretTransition(prev: Model, msg: Msg, next: Model, effects: Effect[], released: Map<string, Release>): string[] {
  const problems: string[] = [];
  const releases = effects.filter((e): e is Extract<Effect, { kind: 'release' }> => e.kind === 'release');
  const copies = effects.filter((e): e is Extract<Effect, { kind: 'copy' }> => e.kind === 'copy');
  const quits = effects.some((e) => e.kind === 'quit');
  const before = secretScreens(prev);
  const after = new Set(secretScreens(next).map((s) => s.secret.held));
  for (const s of before) {
    if (!after.has(s.secret.held) && !releases.some((r) => r.held === s.secret.held)) {
      problems.push(`the secret screen "${s.secret.title}" left the stack on ${describeMsg(msg)} without its secret being released (kept or left)`);
    }
  }
  for (const r of releases) {
    const secret = r.held.secret.secret;
    const screen = before.find((s) => s.secret.held === r.held);
    let why: Release | null = null;
    if (copies.some((c) => c.text.includes(secret))) why = 'copied';
    else if (msg.kind === 'profile-saved') why = 'saved';
    else if (screen && isKept(screen.secret)) why = 'kept+done';
    else if (screen && screen.secret.mode.kind === 'leave' && msg.kind === 'key') why = screen.secret.mode.quit ? 'left+quit' : 'left';
    if (!why) problems.push(`the secret of "${r.held.secret.id}" was released on ${describeMsg(msg)} without the user copying, saving or knowingly leaving it`);
    else if (!released.has(secret)) released.set(secret, why);
  }
  if (quits) {
    for (const s of secretScreens(next)) {
      if (!isKept(s.secret) && !releases.some((r) => r.held === s.secret.held)) problems.push(`quit on ${describeMsg(msg)} with the secret "${s.secret.title}" neither kept nor knowingly left`);
    }
    if (next.creating > 0) problems.push(`quit on ${describeMsg(msg)} while ${next.creating} request(s) creating a secret were on their way (its answer would be lost)`);
  }
  return problems;
}

function describeMsg(msg: Msg): string {
  if (msg.kind === 'key') return `key ${JSON.stringify(msg.event).slice(0, 200)}`;
  return `message "${msg.kind}"`;
}

// ---------------------------------------------------------------------------------------------
// One app under the fuzzer.

const TEXT_PIECE = 64;
const ALICE_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const turn = () => new Promise<void>((r) => setImmediate(r));

export interface Session {
  store: Store;
  /** Applies one step (input, resize, wait). Returns problems found on the way. */
  run(step: FuzzStep): Promise<void>;
  /** Waits until no message is waiting and the effects in flight have answered. */
  idle(): Promise<void>;
  /** Problems found so far (thrown errors, broken invariants). */
  problems: string[];
  /** Checks the model invariants now (the store's model, against the shadow). */
  checkModel(final: boolean): void;
  /** Draws a frame and checks it. */
  checkRender(): void;
  quit: boolean;
  copied: string[];
  dispose(): void;
}

let sessionCount = 0;
/** The session being driven: an exception thrown in a later turn (the store's pump, an effect's promise) is its problem. */
let current: { problems: string[] } | null = null;
let trapped = false;
function trapAsyncErrors() {
  if (trapped) return;
  trapped = true;
  const record = (what: string) => (e: unknown) => {
    const text = `${what}: ${(e as Error)?.stack ?? String(e)}`;
    if (current) current.problems.push(text);
    else throw e;
  };
  process.on('uncaughtException', record('uncaught exception'));
  process.on('unhandledRejection', record('unhandled rejection'));
}
let root: string | null = null;

export function fuzzRoot(): string {
  root ??= mkdtempSync(join(tmpdir(), 'vcreds-fuzz-'));
  return root;
}

export function removeFuzzRoot(): void {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
}

export function createSession(config: FuzzConfig): Session {
  const number = ++sessionCount;
  const dir = join(fuzzRoot(), String(number));
  mkdirSync(dir);
  const credentialsPath = join(dir, 'credentials');
  if (config.profile) writeFileSync(credentialsPath, `[default]\nveracode_api_key_id = ${ALICE_KEY}\nveracode_api_key_secret = ${'0'.repeat(128)}\n`, { mode: 0o600 });
  const credentials = config.org === 'many' ? manyCredentials(60) : config.org === 'empty' ? [] : fakeCredentials();
  const ctx = fakeContext({
    credentialsPath, readOnly: config.readOnly, serviceOptions: { credentials },
    signingKeyId: () => (config.signing ? ALICE_KEY : null),
  });
  const service = ctx.service as FakeService;
  /** Every secret the fake server handed out. */
  const issued: string[] = [];
  const mark = (secret: string) => `S${number}-${secret}`;
  const tag = (r: unknown) => {
    const o = r as { apiSecret?: string; clientSecret?: string; secret?: { clientSecret: string } };
    if (o.apiSecret) o.apiSecret = mark(o.apiSecret).slice(0, 128);
    if (o.clientSecret) o.clientSecret = mark(o.clientSecret);
    if (o.secret) o.secret.clientSecret = mark(o.secret.clientSecret);
  };
  const wrap = <K extends 'generateHmac' | 'createOAuthClient' | 'addOAuthSecret'>(name: K, secretOf: (r: Awaited<ReturnType<FakeService[K]>>) => string) => {
    const original = service[name].bind(service) as (...a: unknown[]) => Promise<Awaited<ReturnType<FakeService[K]>>>;
    (service as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const r = await original(...args);
      // Unique across sessions (the fake's numbering starts again in each), so none is mistaken for another's.
      tag(r);
      issued.push(secretOf(r));
      return r;
    };
  };
  wrap('generateHmac', (r) => r.apiSecret);
  wrap('createOAuthClient', (r) => r.secret.clientSecret);
  wrap('addOAuthSecret', (r) => r.clientSecret);

  const preferences = createMemoryPreferences();
  const { prefs, error } = initialPrefs(preferences);
  const init = initialModel({
    readOnly: ctx.readOnly, connection: ctx.connection, credentialsPath, signingKeyId: ctx.signingKeyId(),
    size: { columns: config.size[0], rows: config.size[1] }, prefs, now: ctx.now(), prefsError: error,
  });

  const problems: string[] = [];
  trapAsyncErrors();
  current = { problems };
  const copied: string[] = [];
  const released = new Map<string, Release>();
  const helds = new Set<HeldSecret>();
  let disposed = false;
  let quit = false;
  let shadow = init;

  /** The shadow takes every message the store queues, in the same order. */
  const apply = (msg: Msg) => {
    const prev = shadow;
    const s = update(prev, msg);
    shadow = s.model;
    for (const sc of secretScreens(shadow)) helds.add(sc.secret.held);
    problems.push(...secretTransition(prev, msg, shadow, s.effects, released));
  };
  const toShadow = (msg: Msg) => {
    try {
      if (msg.kind !== 'key' || msg.event.kind !== 'text') return apply(msg);
      // Typed text is one message but each character a key until a text field has the focus
      // (update.ts): step through it the same way, so "qy" is seen as the question and its answer.
      let rest = msg.event.text;
      while (rest) {
        if (keyTarget(shadow).edit) return apply({ kind: 'key', event: { kind: 'text', text: rest } });
        const ch = String.fromCodePoint(rest.codePointAt(0)!);
        rest = rest.slice(ch.length);
        apply({ kind: 'key', event: { kind: 'text', text: ch } });
      }
    } catch (e) {
      problems.push(`update threw on ${describeMsg(msg)}: ${(e as Error).stack ?? String(e)}`);
      disposed = true;
    }
  };

  const inner = createEffectRunner({
    ctx, preferences, flashMs: 5,
    copy: (text) => copied.push(text),
    quit: () => {
      quit = true;
    },
  });
  let store: Store;
  const runEffect = (effect: Effect, send: (msg: Msg) => void) => {
    if (disposed) return;
    const guardedSend = (msg: Msg) => {
      if (disposed) return;
      toShadow(msg);
      send(msg);
    };
    try {
      inner(effect, guardedSend);
    } catch (e) {
      problems.push(`the effect "${effect.kind}" threw: ${(e as Error).stack ?? String(e)}`);
    }
  };
  store = createStore(init, runEffect);
  const send = (msg: Msg) => {
    toShadow(msg);
    store.send(msg);
  };
  const keys = (events: KeyEvent[]) => {
    if (!events.length) return;
    for (const event of events) {
      if (event.kind !== 'text' || event.text.length <= TEXT_PIECE) toShadow({ kind: 'key', event });
      else {
        const chars = [...event.text];
        for (let i = 0; i < chars.length; i += TEXT_PIECE) toShadow({ kind: 'key', event: { kind: 'text', text: chars.slice(i, i + TEXT_PIECE).join('') } });
      }
    }
    store.keys(events);
  };
  send({ kind: 'reload' });

  const parser = createInputParser();
  const decoder = new KeyDecoder();
  const input = (raw: string) => {
    for (const chunk of parser.push(raw)) keys(decoder.push(chunk));
  };
  const flushEscape = () => {
    const pending = parser.flushPendingEscape();
    if (pending) keys(decoder.push(pending));
  };

  const idle = async () => {
    let quiet = 0;
    for (let turns = 0; quiet < 3; turns++) {
      if (turns > 5000) {
        problems.push(`the app did not settle: ${store.pending()} messages still waiting after 5000 turns`);
        return;
      }
      await turn();
      quiet = store.pending() === 0 ? quiet + 1 : 0;
    }
  };

  const session: Session = {
    store,
    problems,
    copied,
    get quit() {
      return quit;
    },
    idle,
    async run(step) {
      if (disposed || quit) return;
      if ('read' in step) {
        input(step.read.map(rawOf).join(''));
        flushEscape();
        await turn();
      } else if ('reads' in step) {
        for (const r of step.reads) input(r.map(rawOf).join(''));
        flushEscape();
        await turn();
      } else if ('resize' in step) {
        send({ kind: 'resize', columns: step.resize[0], rows: step.resize[1] });
        await turn();
      } else if (step.wait === 0) {
        await idle();
      } else {
        for (let i = 0; i < step.wait; i++) await turn();
      }
    },
    checkModel(final) {
      const model = store.getModel();
      problems.push(...checkSelection(model));
      if (store.pending() === 0) {
        const a = fingerprint(model);
        const b = fingerprint(shadow);
        if (a !== b) problems.push(`the store's model differs from the messages it was given (a message lost or reordered?):\n  store:  ${a}\n  shadow: ${b}`);
      }
      if (!final) return;
      // Every secret the server handed out is on screen (held until kept), kept, or knowingly left.
      const stillHeld = new Set(heldSecrets().map((s) => s.secret));
      const onScreen = new Map(secretScreens(model).map((s) => [s.secret.held.secret.secret, s] as const));
      let fileText: string | null = null;
      const inFile = (secret: string) => {
        fileText ??= existsSync(credentialsPath) ? readFileSync(credentialsPath, 'utf8') : '';
        return fileText.includes(secret);
      };
      for (const secret of issued) {
        if (released.has(secret)) continue; // copied, saved, or knowingly left (the screen may still show it)
        const screen = onScreen.get(secret);
        if (screen) {
          if (!isKept(screen.secret) && !stillHeld.has(secret)) problems.push(`the secret of ${screen.secret.held.secret.id} is on screen, neither copied nor saved, but no longer held (an exit would not print it)`);
          continue;
        }
        if (inFile(secret)) continue;
        if (quit && stillHeld.has(secret)) continue; // printed on the way out
        problems.push(`a secret the server created (${secret.slice(0, 12)}…) is not on screen, was not copied or saved and was not knowingly left${stillHeld.has(secret) ? ' (still held: it would only come out at exit)' : ''}`);
      }
    },
    checkRender() {
      try {
        problems.push(...checkFrame(store.getModel()).problems);
      } catch (e) {
        problems.push(`rendering threw: ${(e as Error).stack ?? String(e)}`);
      }
    },
    dispose() {
      disposed = true;
      if (current?.problems === problems) current = null;
      for (const held of helds) held.release();
    },
  };
  return session;
}

/**
 * What two models must agree on when the same messages made them. Not the status line's message:
 * notify() stamps it with Date.now(), so the shadow's stamp differs and its expiry does not match.
 */
function fingerprint(m: Model): string {
  return JSON.stringify({
    stack: m.stack.map((s) => s.kind === 'secret' ? { kind: s.kind, mode: s.secret.mode.kind, copied: s.secret.copied, saved: Boolean(s.secret.saved) } : s.kind),
    selectedId: m.selectedId, top: m.top, search: m.search.value, size: m.size, creating: m.creating, loading: m.data.loading,
    messages: m.messages.map((x) => x.text),
  });
}
