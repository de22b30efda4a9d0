// esbuild plugins for the one-file bundle (scripts/build.mjs). Each one makes the installed
// dependency start or draw faster without changing what it computes, and each refuses to build
// (rather than silently doing nothing) when the dependency's source no longer looks as expected.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import stringWidth from 'string-width';

const require = createRequire(import.meta.url);

/** Replaces `from` by `to` in a file's source, failing the build when `from` is not there. */
function patchFile(name, filter, edits) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const [from, to] of edits) {
          if (!source.includes(from)) throw new Error(`${name}: ${args.path} changed (no "${from.slice(0, 60)}"); review the patch`);
          source = source.replace(from, to);
        }
        return { contents: source, loader: 'js' };
      });
    },
  };
}

// yoga-layout (Ink's layout engine) fetches its inlined wasm through `fetch(dataURL)` when fetch
// exists, which on Node 20 first loads undici: ~60 ms before the first frame. Its own
// synchronous base64 path gives the same bytes.
export const yogaWithoutFetch = patchFile('yoga-without-fetch', /yoga-wasm-base64-esm\.js$/, [['w||"function"!=typeof fetch?', 'true?']]);

// Ink loads its React DevTools bridge (react-devtools-core, not a dependency, and the `ws`
// WebSocket client) only when DEV=true: build it as an empty module, which keeps ~50 KB out of
// what every start has to compile.
export const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]devtools\.js$/ }, () => ({ contents: '', loader: 'js' }));
  },
};

/**
 * The characters string-width measures as exactly one cell on their own and that never join a
 * neighbour into one grapheme, computed from the installed string-width itself (so a string made
 * only of them is as wide as it is long). Latin, Greek, Cyrillic, punctuation, arrows, box
 * drawing, the status symbols and the spinner's braille are in; emoji and marks are not.
 */
function narrowCharacterClass() {
  const segmenter = new Intl.Segmenter();
  const graphemes = (s) => [...segmenter.segment(s)].length;
  const candidates = [[0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x52f], [0x2010, 0x205e], [0x2190, 0x22ff], [0x2500, 0x27bf], [0x2800, 0x28ff]];
  const ranges = [];
  for (const [from, to] of candidates) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (stringWidth(ch) !== 1 || graphemes(`a${ch}`) !== 2 || graphemes(`${ch}a`) !== 2 || stringWidth(`a${ch}a`) !== 3) continue;
      const last = ranges.at(-1);
      if (last && last[1] === c - 1) last[1] = c;
      else ranges.push([c, c]);
    }
  }
  const hex = (c) => `\\u${c.toString(16).padStart(4, '0')}`;
  return ranges.map(([a, z]) => (a === z ? hex(a) : `${hex(a)}-${hex(z)}`)).join('');
}

let narrowClass;
const narrow = () => (narrowClass ??= narrowCharacterClass());

/**
 * One string-width for everything (wrap-ansi would bring a second copy with its own Segmenter),
 * behind a front that answers the common case (text made of narrow characters: every row of the
 * table) without grapheme segmentation, and loads the real module — whose start-up builds an
 * Intl.Segmenter and /v Unicode regexes, ~25 ms — only for text that needs it. Same answers.
 */
export function fastStringWidth() {
  const real = require.resolve('string-width');
  const front = `
import stripAnsi from 'strip-ansi';
const NARROW = /^[${narrow()}]*$/;
let full;
export default function stringWidth(input, options) {
  if (typeof input === 'string' && (options === undefined || (options.ambiguousIsNarrow !== false && !options.countAnsiEscapeCodes))) {
    const text = input.includes('\\x1b') || input.includes('\\x9b') ? stripAnsi(input) : input;
    if (NARROW.test(text)) return text.length;
  }
  full ??= require(${JSON.stringify(real)}).default;
  return full(input, options);
}`;
  return {
    name: 'fast-string-width',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, () => ({ path: 'front', namespace: 'fast-string-width' }));
      b.onLoad({ filter: /.*/, namespace: 'fast-string-width' }, () => ({ contents: front, loader: 'js', resolveDir: process.cwd() }));
    },
  };
}

// Ink measures and tokenizes every line of every frame afresh (its caches live one frame); a key
// press changes a line or two, so keep them across frames, starting over when they grow large.
// It also fills each frame's grid with a new blank-cell object (and array) per cell: 9,600
// objects a frame at 120x40, enough for V8 to start allocating them straight into the old
// generation (pretenuring), where they pile up as garbage. Every blank cell can be one object:
// cells are only read, or replaced whole.
export const inkFrameCaches = patchFile('ink-frame-caches', /ink[\\/]build[\\/]output\.js$/, [
  ['caches = new OutputCaches();', 'caches = sharedOutputCaches();'],
  [
    `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
    'row.push(BLANK_CELL);',
  ],
  [
    'export default class Output {',
    `const BLANK_CELL = { type: 'char', value: ' ', fullWidth: false, styles: [] };
let sharedCaches;
function sharedOutputCaches() {
    // ~10 frames of distinct lines (a line's styled characters take ~5 KB).
    if (!sharedCaches || sharedCaches.styledChars.size > 400 || sharedCaches.widths.size > 4000) sharedCaches = new OutputCaches();
    return sharedCaches;
}
export default class Output {`,
  ],
]);

// conf imports ajv (+ formats, fast-uri) and semver for JSON-schema validation and migrations,
// which vcreds never asks for (src/config/store.ts passes neither a schema nor migrations). Build
// them as stubs that say so if ever called: ~180 KB less for every start to compile.
export const confWithoutValidators = {
  name: 'conf-without-validators',
  setup(b) {
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: args.path, namespace: 'conf-unused' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'conf-unused' }, () => ({
      contents: `const unused = () => { throw new Error('conf schema validation and migrations are not part of the vcreds bundle'); };
export class Ajv2020 { constructor() { unused(); } }
export default new Proxy({}, { get: () => unused });`,
      loader: 'js',
    }));
  },
};

// The first Intl.Segmenter of a process loads ICU's break rules (~10 ms). slice-ansi makes one
// when loaded; Ink's line tokenizer (@alcalzone/ansi-tokenize) segments every line it draws.
// Make slice-ansi's on first use, and let the tokenizer walk text made only of narrow characters
// and escape sequences (each its own grapheme) without one: the first frame then needs none.
const LAZY_SEGMENTER = (name) =>
  `let ${name}Real; const ${name} = { segment: (text) => (${name}Real ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text) };`;

export const sliceAnsiLazySegmenter = patchFile('slice-ansi-lazy-segmenter', /slice-ansi[\\/]tokenize-ansi\.js$/, [
  ["const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", LAZY_SEGMENTER('GRAPHEME_SEGMENTER')],
]);

export function ansiTokenizeWithoutSegmenter() {
  return patchFile('ansi-tokenize-without-segmenter', /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, [
    [
      'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
      `${LAZY_SEGMENTER('segmenter')}
const SIMPLE = /^[\\x1b${narrow()}]*$/;
function graphemes(str) {
    if (!SIMPLE.test(str)) return segmenter.segment(str);
    const out = new Array(str.length);
    for (let index = 0; index < str.length; index++) out[index] = { segment: str[index], index };
    return out;
}`,
    ],
    ['for (const { segment, index } of segmenter.segment(str)) {', 'for (const { segment, index } of graphemes(str)) {'],
  ]);
}

// Every character of every drawn line becomes `{ ...token, styles }`; on Node 20 each object made
// by a spread gets a V8 hidden class of its own (4,800 a frame at 120x40). The same object,
// written out, shares one.
export const ansiTokenizeSharedShapes = patchFile('ansi-tokenize-shared-shapes', /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, [
  [
    `ret.push({
                ...token,
                styles: [...codes],
            });`,
    'ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: [...codes] });',
  ],
]);
