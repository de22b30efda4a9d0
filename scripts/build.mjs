// Bundles the CLI into one file: a cold start resolves one module instead of hundreds.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/vcreds.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.VCREDS_VERSION': JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  // Ink imports react-devtools-core (not a dependency) and uses it only when DEV is set; an
  // `external` would become a top-level import that fails at start, so stand an empty module in.
  plugins: [
    {
      // yoga-layout (Ink's layout engine) fetches its inlined wasm through `fetch(dataURL)` when
      // fetch exists, which on Node 20 first loads undici: ~60 ms before the first frame. Its own
      // synchronous base64 path gives the same bytes.
      name: 'yoga-without-fetch',
      setup(b) {
        b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, async (args) => {
          const source = await readFile(args.path, 'utf8');
          const patched = source.replace('w||"function"!=typeof fetch?', 'true?');
          if (patched === source) throw new Error('yoga-without-fetch: the yoga-layout loader changed; review the patch');
          return { contents: patched, loader: 'js' };
        });
      },
    },
    {
      name: 'no-devtools',
      setup(b) {
        b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'stub', namespace: 'no-devtools' }));
        b.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({
          contents: 'export default { initialize() {}, connectToDevTools() {} };',
          loader: 'js',
        }));
      },
    },
  ],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __vcredsCreateRequire } from 'node:module';const require = __vcredsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync('dist/vcreds.js', 0o755);
