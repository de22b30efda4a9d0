// Builds `vcreds` as a single executable (Node's single-executable applications): a copy of the
// running node binary with the app injected, for machines without Node. `npm run build:sea`.
//
// Node 20 runs the injected script as CommonJS, with require() limited to built-in modules, so
// this is a second esbuild bundle of the same entry in the `cjs` format, with the same plugins as
// dist/vcreds.js plus what CommonJS needs: the three top-level awaits of the ESM build (ours in
// main.ts, Ink's DEV-only ones, yoga-layout's wasm start-up) become ordinary promises, and
// import.meta.url (yoga's emscripten loader asks for it) is the executable's own URL.
//
// Output (VCREDS_SEA_OUT, default dist/sea): vcreds (vcreds.exe on Windows), and on the way
// vcreds.cjs, sea-config.json and sea-prep.blob.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ansiTokenizeSharedShapes, ansiTokenizeWithoutSegmenter, confWithoutValidators, fastStringWidth, inkFrameCaches, noDevtools, sliceAnsiLazySegmenter, yogaWithoutFetch } from './build-plugins.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The fuse Node's binary carries for SEA (documented in Node's single-executable-applications page). */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Why a SEA cannot be built with this node, or null when it can. */
export function seaUnsupported(nodePath = process.execPath) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 12)) return `Node ${process.versions.node} is too old for this build (SEA with code cache needs 20.12+)`;
  if (!['linux', 'darwin', 'win32'].includes(process.platform)) return `single-executable applications are not supported on ${process.platform}`;
  if (!readFileSync(nodePath).includes(SEA_FUSE)) return `${nodePath} was built without single-executable support (no ${SEA_FUSE.slice(0, 14)}… fuse)`;
  return null;
}

/** Replaces `from` by `to` in one file, failing the build when `from` is not there (as build-plugins.mjs does). */
function patch(name, filter, edit) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = edit(source, (what) => {
          throw new Error(`${name}: ${args.path} changed (no "${what.slice(0, 60)}"); review the patch`);
        });
        return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
}

// main.ts ends in `const code = await runCli(…)`: the same lines inside an async function, after
// yoga (below) is ready.
const mainWithoutTopLevelAwait = patch('sea-main', /src[\\/]cli[\\/]main\.ts$/, (source, missing) => {
  const marker = 'const code = await runCli(';
  const at = source.indexOf(marker);
  if (at < 0) missing(marker);
  return `import { yogaReady as __vcredsYogaReady } from 'yoga-layout';\n${source.slice(0, at)}void (async () => {\nawait __vcredsYogaReady;\n${source.slice(at)}\n})();\n`;
});

// Ink awaits its devtools and its package.json only when DEV=true (devtools are built empty anyway).
const inkWithoutTopLevelAwait = patch('sea-ink-reconciler', /ink[\\/]build[\\/]reconciler\.js$/, (source, missing) => {
  const edits = [
    ["        await import('./devtools.js');", "        console.warn('DEV=true: React DevTools are not part of the vcreds executable');"],
    ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
  ];
  for (const [from, to] of edits) {
    if (!source.includes(from)) missing(from);
    source = source.replace(from, to);
  }
  return source;
});

// yoga-layout's index awaits the wasm start-up at the top level. Here the default export is a live
// binding filled in when the same start-up (yoga-layout/load) resolves, and main awaits
// `yogaReady` before anything can draw.
const yogaLiveBinding = {
  name: 'sea-yoga',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: 'yoga', namespace: 'sea-yoga' }));
    b.onLoad({ filter: /.*/, namespace: 'sea-yoga' }, () => ({
      contents: `import { loadYoga } from 'yoga-layout/load';
export * from 'yoga-layout/load';
let Yoga;
export const yogaReady = loadYoga().then((y) => { Yoga = y; });
export { Yoga as default };
`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

export async function buildSea(outDir = process.env.VCREDS_SEA_OUT ?? join(root, 'dist', 'sea')) {
  const why = seaUnsupported();
  if (why) throw new Error(`cannot build the single executable: ${why}`);
  outDir = resolve(outDir);
  mkdirSync(outDir, { recursive: true });
  const main = join(outDir, 'vcreds.cjs');
  const blob = join(outDir, 'sea-prep.blob');
  const exe = join(outDir, process.platform === 'win32' ? 'vcreds.exe' : 'vcreds');

  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: main,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: {
      'process.env.VCREDS_VERSION': JSON.stringify(pkg.version),
      'process.env.NODE_ENV': '"production"',
      'import.meta.url': '__vcredsExecutableUrl',
    },
    banner: { js: "var __vcredsExecutableUrl = require('node:url').pathToFileURL(process.execPath).href;" },
    plugins: [mainWithoutTopLevelAwait, inkWithoutTopLevelAwait, yogaLiveBinding, yogaWithoutFetch, noDevtools, fastStringWidth(), inkFrameCaches, confWithoutValidators, sliceAnsiLazySegmenter, ansiTokenizeWithoutSegmenter(), ansiTokenizeSharedShapes],
    logLevel: 'warning',
  });

  // The blob: the script and V8's code cache for it (a faster start).
  const config = join(outDir, 'sea-config.json');
  writeFileSync(config, `${JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }, null, 2)}\n`);
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: ['ignore', 'pipe', 'pipe'] });

  // A copy of this node with the blob injected behind the fuse.
  rmSync(exe, { force: true });
  copyFileSync(process.execPath, exe);
  chmodSync(exe, 0o755);
  if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', exe]);
  const { inject } = require('postject');
  await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), {
    sentinelFuse: SEA_FUSE,
    ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
  });
  if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', exe]);
  return exe;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  // --check: say whether this node can build it (exit 0) or why not (exit 3), building nothing.
  if (process.argv.includes('--check')) {
    const why = seaUnsupported();
    console.log(why ?? 'ok');
    process.exit(why ? 3 : 0);
  }
  try {
    const started = Date.now();
    const exe = await buildSea();
    console.log(`built ${exe} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    console.error(`build-sea: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
