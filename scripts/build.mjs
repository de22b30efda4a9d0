// Bundles the CLI into one file: a cold start resolves one module instead of hundreds. The
// plugins (build-plugins.mjs) trim what the first frame and every key press cost.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { bundlePlugins } from './build-plugins.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Scratch builds (profiling) may set these; `npm run build` uses the defaults.
const outfile = process.env.VCREDS_BUILD_OUT ?? 'dist/vcreds.js';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  minify: process.env.VCREDS_BUILD_MINIFY !== '0',
  legalComments: 'none',
  define: { 'process.env.VCREDS_VERSION': JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  // VCREDS_BUILD_WITHOUT=name,... leaves plugins out (the bench's with-and-without builds).
  plugins: bundlePlugins(),
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __vcredsCreateRequire } from 'node:module';const require = __vcredsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
