// A property-based key fuzzer for the whole interactive app: random reads from the terminal (typed
// runs, named keys, the app's command letters, bracketed pastes up to 10,000 characters with
// control characters, escape sequences and emoji, a lone Esc then a key in the same read), resizes,
// pauses while effects answer, and scripted runs that reach the deep screens (the wizard, the
// revoke and rotate dialogs, the one-time secret). It drives the real store and effect runner over
// the fake service and draws frames with the real components; after every step and at the end it
// checks that nothing threw, the selection is a shown row, every frame fits the terminal and holds
// no raw control character, and no one-time secret silently disappeared.
//
// Replay a failure: FUZZ_SEED=<seed printed> [FUZZ_PATH=<path printed>] node scripts/run-tests.mjs tui-fuzz
// Longer runs: FUZZ_RUNS=20000 node scripts/run-tests.mjs tui-fuzz
import { test, after } from 'node:test';
import fc from 'fast-check';
import type { FuzzConfig, FuzzStep, Piece } from './helpers/fuzz-driver.js';

// React as the built app runs it (scripts/build.mjs defines NODE_ENV=production): its development
// build costs about twice as much per frame. Set before React is first loaded, hence the dynamic import.
process.env.NODE_ENV = 'production';
const { closeRenderer, createSession, removeFuzzRoot } = await import('./helpers/fuzz-driver.js');

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const PATH = process.env.FUZZ_PATH;
/** A frame is drawn and checked after every this many steps (and at the end of every sequence). */
const RENDER_EVERY = Number(process.env.FUZZ_RENDER_EVERY ?? 10);

after(() => {
  closeRenderer();
  removeFuzzRoot();
});

// ---------------------------------------------------------------------------------------------
// Input.

const COMMAND_LETTERS = [...'jkgGfcsSndryxmq?RCvpeaJKNYb/<>+- 0123456789'];
/** The last 4 characters of the fake credentials' ids: what the revoke and self-rotate confirmations want. */
const ID_TAILS = ['8f90', '9a01', '0b12', '1c23', '2d34', '0001', '0002', '0003', '0004', '0005'];
const NAMED = ['up', 'down', 'left', 'right', 'enter', 'esc', 'tab', 'shift+tab', 'backspace', 'delete', 'pgup', 'pgdn', 'home', 'end',
  'home~', 'end~', 'f1', 'f1~', 'ctrl+u', 'ctrl+w', 'ctrl+r', 'ctrl+b', 'ctrl+f', 'ctrl+a', 'ctrl+e', 'ctrl+k', 'ctrl+d', 'ctrl+h',
  'ctrl+up', 'legacy-up', 'ss3-down', 'f5', 'focus', 'mouse', 'esc-esc', 'lf', 'nul', 'c1'];

const commandRun = fc.string({ unit: fc.constantFrom(...COMMAND_LETTERS), minLength: 1, maxLength: 6 });
/** Text people type into fields: names, emoji, wide characters, combining marks. */
const humanText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom('fuzz-client', 'ci pipeline', '30', '2027-01-31', '👩‍💻 ops', '日本語のクライアント', 'e\u0301te\u0301', '\u200b\u200d'),
  fc.constantFrom(...ID_TAILS),
);
/** What a paste may hold: anything a clipboard can, escape sequences and control characters included. */
const pasteUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom('\x1b[A', '\x1b[31m', '\x1b]0;title\x07', '\x1b', '\x1b[', '\x1bO', '\x1b[200~', '\u009b2J', '\r\n', '\t', '\x00', '\x7f', '\b', '\x03') },
  { weight: 1, arbitrary: fc.constantFrom('🦄', '👨‍👩‍👧‍👦', '🇫🇷', '\ufe0f', 'ｗｉｄｅ', '\u0301\u0301\u0301') },
);
const pasteText = fc.oneof(
  { weight: 8, arbitrary: fc.array(pasteUnit, { maxLength: 12 }).map((a) => a.join('')) },
  // Large pastes: a piece repeated up to 10,000 characters.
  { weight: 1, arbitrary: fc.tuple(fc.array(pasteUnit, { minLength: 1, maxLength: 4 }).map((a) => a.join('') || 'x'), fc.integer({ min: 1, max: 10_000 }))
    .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)) },
);

const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 8, arbitrary: commandRun.map((text) => ({ text })) },
  { weight: 7, arbitrary: fc.constantFrom(...NAMED).map((key) => ({ key })) },
  { weight: 2, arbitrary: humanText.map((text) => ({ text })) },
  { weight: 1, arbitrary: pasteText.map((paste) => ({ paste })) },
  { weight: 1, arbitrary: fc.constantFrom(...COMMAND_LETTERS, '[', 'O').map((escThen) => ({ escThen })) },
  { weight: 1, arbitrary: fc.constant({ key: 'ctrl+c' }) },
);

const read = fc.array(piece, { minLength: 1, maxLength: 4 }).map((read): FuzzStep => ({ read }));
const reads = fc.array(fc.array(piece, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 3 }).map((reads): FuzzStep => ({ reads }));
const resize = fc.tuple(fc.integer({ min: 20, max: 250 }), fc.integer({ min: 6, max: 80 })).map((resize): FuzzStep => ({ resize }));
const wait = fc.constantFrom(0, 1, 2, 3).map((wait): FuzzStep => ({ wait }));

// Scripted runs to the deep screens (random keys alone seldom get a valid wizard through).
const t = (text: string): FuzzStep => ({ read: [{ text }] });
const k = (key: string): FuzzStep => ({ read: [{ key }] });
const idle: FuzzStep = { wait: 0 };
const macro = fc.oneof(
  fc.constant([t('n'), k('enter'), k('enter'), t('fuzz-client'), k('enter'), k('enter'), k('enter'), k('enter'), k('enter')]), // OAuth client
  fc.constant([t('n'), k('down'), k('enter'), k('enter'), k('enter'), k('enter')]), // HMAC pair
  fc.constant([t('n'), k('down'), k('enter'), k('enter'), k('enter'), k('enter'), idle, t('s'), idle, k('enter'), idle]), // HMAC pair saved to a profile
  fc.tuple(fc.nat(9), fc.boolean()).map(([down, confirm]) => [{ read: Array.from({ length: down }, () => ({ key: 'down' })) }, t('r'), confirm ? t('y') : idle]), // rotate
  fc.tuple(fc.nat(9), fc.constantFrom(...ID_TAILS)).map(([down, tail]) => [{ read: Array.from({ length: down }, () => ({ key: 'down' })) }, t('d'), t(tail), k('enter')]), // revoke
  fc.constant([t('r'), t('8f90'), k('enter')]), // rotate the signing key (typed confirmation)
);

const sequence = fc.array(fc.oneof(
  { weight: 12, arbitrary: read.map((s) => [s]) },
  { weight: 1, arbitrary: reads.map((s) => [s]) },
  { weight: 2, arbitrary: resize.map((s) => [s]) },
  { weight: 2, arbitrary: wait.map((s) => [s]) },
  { weight: 2, arbitrary: macro },
), { minLength: 1, maxLength: Number(process.env.FUZZ_LENGTH ?? 6) }).map((parts) => parts.flat());

const config: fc.Arbitrary<FuzzConfig> = fc.record({
  org: fc.constantFrom('small', 'small', 'small', 'many', 'empty'),
  signing: fc.boolean(),
  readOnly: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  profile: fc.boolean(),
  size: fc.tuple(fc.integer({ min: 20, max: 250 }), fc.integer({ min: 6, max: 80 })),
});

// ---------------------------------------------------------------------------------------------
// The property.

class FuzzFailure extends Error {}

function fail(problems: string[], where: string, steps: FuzzStep[], cfg: FuzzConfig): never {
  const shown = steps.map((s, i) => `  ${i === Number(where.split('#')[1]) ? '>' : ' '} ${JSON.stringify(s)}`).join('\n');
  throw new FuzzFailure(`${where}: ${problems.join('\n')}\nconfig: ${JSON.stringify(cfg)}\nsteps (JSON):\n${shown}`);
}

test(`random key sequences keep the app whole (${RUNS} runs, seed ${SEED})`, { timeout: 10 * 60_000 }, async () => {
  let count = 0;
  const started = Date.now();
  const property = fc.asyncProperty(config, sequence, async (cfg, steps) => {
    count += 1;
    const session = createSession(cfg);
    try {
      await session.idle();
      for (let i = 0; i < steps.length; i++) {
        await session.run(steps[i]!);
        session.checkModel(false);
        if ((i + 1) % RENDER_EVERY === 0) session.checkRender();
        if (session.problems.length) fail(session.problems, `after step #${i}`, steps, cfg);
        if (session.quit) break;
      }
      await session.idle();
      session.checkModel(true);
      session.checkRender();
      if (session.problems.length) fail(session.problems, 'at the end', steps, cfg);
    } finally {
      session.dispose();
    }
  });
  console.log(`tui-fuzz: seed ${SEED}, ${RUNS} runs (replay: FUZZ_SEED=${SEED} node scripts/run-tests.mjs tui-fuzz)`);
  await fc.assert(property, { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: false });
  console.log(`tui-fuzz: ${count} sequences in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
