// The npm package as a user gets it: `npm pack`, installed globally into an empty prefix offline
// with an empty npm cache (so nothing can be fetched or borrowed), then run from an empty folder:
// --version, and list --json against an emulator. Needs dist/vcreds.js (npm test builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fixture } from './cli-harness.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The environment of npm and of the installed bin: none of the npm_* variables `npm test` sets. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'NODE_PATH' && k !== 'NODE_OPTIONS') env[k] = v;
  return { ...env, ...extra };
}

test('npm pack installs globally into an empty prefix offline and runs with nothing else present', { timeout: 240_000 }, async (t) => {
  assert.ok(existsSync(join(ROOT, 'dist', 'vcreds.js')), 'dist/vcreds.js is missing: run node scripts/build.mjs (npm test does)');
  const work = mkdtempSync(join(tmpdir(), 'vcreds-pack-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const started = Date.now();

  // --ignore-scripts: pack what is built (prepack would rebuild dist under the other suites' feet).
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, env: cleanEnv() });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(info);
  assert.deepEqual(info.files.map((f) => f.path).sort(), ['README.md', 'dist/vcreds.js', 'package.json'], 'the tarball carries the bundle, the README and package.json only');

  // What npm reads from the tarball: a bin, and nothing to download or run at install.
  const manifest = JSON.parse((await run('tar', ['-xzOf', join(work, info.filename), 'package/package.json'])).stdout) as Record<string, unknown>;
  assert.deepEqual(manifest.bin, { vcreds: 'dist/vcreds.js' });
  assert.equal(manifest.dependencies, undefined, 'dist/vcreds.js bundles every runtime dependency: they belong in devDependencies, or npm would fetch them');
  assert.equal(manifest.bundleDependencies ?? manifest.bundledDependencies, undefined);
  const scripts = (manifest.scripts ?? {}) as Record<string, string>;
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(scripts[hook], undefined, `no ${hook} script in the published package`);

  // Offline, with an empty cache: a dependency left to fetch would fail here (ENOTCACHED).
  const prefix = join(work, 'prefix');
  await run('npm', ['install', '--global', '--prefix', prefix, join(work, info.filename), '--offline', '--cache', join(work, 'empty-cache'), '--no-audit', '--no-fund', '--loglevel', 'error'], {
    cwd: work,
    env: cleanEnv(),
  });
  const installed = join(prefix, 'lib', 'node_modules', 'vcreds');
  assert.deepEqual(readdirSync(join(prefix, 'lib', 'node_modules')), ['vcreds']);
  assert.ok(!existsSync(join(installed, 'node_modules')), 'nothing installed beside the bundle');
  const bin = join(prefix, 'bin', 'vcreds');
  t.diagnostic(`pack + offline install: ${Date.now() - started} ms`);

  // Run from an empty folder outside the repository, with only node's own folder on PATH.
  const elsewhere = join(work, 'cwd');
  mkdirSync(elsewhere);
  const home = join(work, 'home');
  mkdirSync(home);
  const env = cleanEnv({ PATH: dirname(process.execPath), HOME: home, USERPROFILE: home });
  const version = await run(bin, ['--version'], { cwd: elsewhere, env });
  assert.equal(version.stdout.trim(), pkg.version);

  const f = await fixture({ users: 6 });
  t.after(() => f.close());
  const listed = await run(bin, f.args('list', '--json'), { cwd: elsewhere, env: { ...env, ...f.env } as NodeJS.ProcessEnv });
  const rows = JSON.parse(listed.stdout) as { id: string; type: string }[];
  const truth = f.data();
  assert.ok(rows.length > 0, 'the emulator organisation has credentials');
  assert.ok(rows.every((r) => r.type === 'hmac' || r.type === 'oauth'));
  assert.ok(JSON.stringify(truth).includes(rows[0]!.id), 'the rows are the emulator’s');
  t.diagnostic(`whole test: ${Date.now() - started} ms`);
});
