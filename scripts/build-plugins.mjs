// esbuild plugins for the one-file bundle (scripts/build.mjs). Each one makes the installed
// dependency start or draw faster without changing what it computes, and each refuses to build
// (rather than silently doing nothing) when the dependency's source no longer looks as expected.
// The patched packages are pinned to exact versions (package.json). Every replacement is a typed
// module under src/patches/, type-checked and tested against the original on a corpus
// (test/scale-patches.test.ts); the plugins only wire them in.
//
// Each plugin is kept only while `npm run bench` shows a gain for it (BENCH_PATCHES=1 builds
// the app without each one, VCREDS_BUILD_WITHOUT=name, and measures both in the same run).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
/** The absolute path of a module of src/patches, for an import written into a dependency. */
const patchModule = (name) => JSON.stringify(fileURLToPath(new URL(`../src/patches/${name}`, import.meta.url)));

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
 * One string-width for everything (wrap-ansi would bring a second copy with its own Segmenter),
 * behind the front of src/patches/string-width-fast.ts, which loads the real module only for text
 * that needs it.
 */
export function fastStringWidth() {
  const real = require.resolve('string-width');
  const glue = `import { createFastStringWidth } from ${patchModule('string-width-fast.ts')};
export default createFastStringWidth(() => require(${JSON.stringify(real)}).default);`;
  return {
    name: 'fast-string-width',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, () => ({ path: 'front', namespace: 'fast-string-width' }));
      b.onLoad({ filter: /.*/, namespace: 'fast-string-width' }, () => ({ contents: glue, loader: 'js', resolveDir: process.cwd() }));
    },
  };
}

// Ink's frame caches kept across frames, and one blank cell object for every blank cell:
// src/patches/ink-output.ts says why.
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
    `import { BLANK_CELL, sharedCaches } from ${patchModule('ink-output.ts')};
const sharedOutputCaches = sharedCaches(() => new OutputCaches());
export default class Output {`,
  ],
]);

// conf's schema validation and migrations, never asked for: built as the stub of
// src/patches/conf-unused.ts.
export const confWithoutValidators = {
  name: 'conf-without-validators',
  setup(b) {
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: JSON.parse(patchModule('conf-unused.ts')) } : undefined,
    );
  },
};

// The first Intl.Segmenter of a process loads ICU's break rules (~10 ms): slice-ansi's is made on
// first use, and Ink's line tokenizer splits text of narrow characters without one
// (src/patches/lazy-segmenter.ts).
export const sliceAnsiLazySegmenter = patchFile('slice-ansi-lazy-segmenter', /slice-ansi[\\/]tokenize-ansi\.js$/, [
  [
    "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
    `import { lazySegmenter as vcredsLazySegmenter } from ${patchModule('lazy-segmenter.ts')};
const GRAPHEME_SEGMENTER = vcredsLazySegmenter();`,
  ],
]);

export function ansiTokenizeWithoutSegmenter() {
  return patchFile('ansi-tokenize-without-segmenter', /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, [
    ['const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', `import { graphemes } from ${patchModule('lazy-segmenter.ts')};`],
    ['for (const { segment, index } of segmenter.segment(str)) {', 'for (const { segment, index } of graphemes(str)) {'],
  ]);
}

// Every drawn character as an object of one shape instead of a spread (src/patches/styled-char.ts).
export const ansiTokenizeSharedShapes = patchFile('ansi-tokenize-shared-shapes', /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, [
  [
    `ret.push({
                ...token,
                styles: [...codes],
            });`,
    'ret.push(styledChar(token, codes));',
  ],
  ['export function styledCharsFromTokens(tokens) {', `import { styledChar } from ${patchModule('styled-char.ts')};
export function styledCharsFromTokens(tokens) {`],
]);

/**
 * Every plugin of the bundle, in order; `VCREDS_BUILD_WITHOUT` (comma-separated plugin names)
 * leaves some out, for the bench's with-and-without comparison.
 */
export function bundlePlugins(without = process.env.VCREDS_BUILD_WITHOUT ?? '') {
  const skip = new Set(without.split(',').map((n) => n.trim()).filter(Boolean));
  const all = [yogaWithoutFetch, noDevtools, fastStringWidth(), inkFrameCaches, confWithoutValidators, sliceAnsiLazySegmenter, ansiTokenizeWithoutSegmenter(), ansiTokenizeSharedShapes];
  for (const name of skip) if (!all.some((p) => p.name === name)) throw new Error(`VCREDS_BUILD_WITHOUT: no plugin "${name}" (${all.map((p) => p.name).join(', ')})`);
  return all.filter((p) => !skip.has(p.name));
}
