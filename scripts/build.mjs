// Bundles the CLI into one file: a cold start resolves one module instead of hundreds.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

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
  // Ink loads devtools only when DEV is set; it is not a dependency.
  external: ['react-devtools-core'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __vcredsCreateRequire } from 'node:module';const require = __vcredsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync('dist/vcreds.js', 0o755);
