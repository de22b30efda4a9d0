// vcreds against an Identity API written independently, in Python (test/fixtures/identity-standin.py):
// its own HMAC verifier, per-user credential lookups, a page cap of 2, no OAuth-client endpoints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './cli-harness.js';

const ID = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210'.repeat(8);
let server: ChildProcess;
let url: string;
let home: string;

before(async () => {
  server = spawn('python3', ['test/fixtures/identity-standin.py'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    server.once('exit', (code) => reject(new Error(`the Python stand-in exited (${code})`)));
  });
  url = `http://127.0.0.1:${port}`;
  home = mkdtempSync(join(tmpdir(), 'vcreds-standin-'));
});
after(() => {
  server.kill();
  rmSync(home, { recursive: true, force: true });
});

interface Listed {
  id: string;
  status: string;
  daysLeft: number | null;
  owner: { userName: string; accountType: string };
  revokedAt: string | null;
}

const EXPECTED: Record<string, [string, string, string]> = {
  // first 6 characters of the id: owner, account, status
  '012345': ['admin-bot', 'api', 'active'],
  aaaaaa: ['alice@x.com', 'user', 'expiring'],
  bbbbbb: ['bob@x.com', 'user', 'expired'],
  cccccc: ['ci-1', 'api', 'expiring'],
  dddddd: ['ci-2', 'api', 'revoked'],
  eeeeee: ['carol@x.com', 'user', 'active'],
};

function checkList(stdout: string): void {
  const listed = JSON.parse(stdout) as Listed[];
  assert.deepEqual(
    Object.fromEntries(listed.map((c) => [c.id.slice(0, 6), [c.owner.userName, c.owner.accountType, c.status]])),
    EXPECTED,
    'every credential the server holds, and no other, with its status',
  );
}

test('list --json through env vars, with and without a region prefix, and through a profile', async () => {
  const plain = await run(['--api-url', url, 'list', '--json'], { env: { HOME: home, VERACODE_API_KEY_ID: ID, VERACODE_API_KEY_SECRET: SECRET } });
  assert.equal(plain.code, 0, plain.stderr);
  checkList(plain.stdout);
  assert.match(plain.stderr, /OAuth clients could not be listed/);

  const prefixed = await run(['--api-url', url, 'list', '--json'], {
    env: { HOME: home, VERACODE_API_KEY_ID: `vera01ei-${ID}`, VERACODE_API_KEY_SECRET: `vera01es-${SECRET}` },
  });
  assert.equal(prefixed.code, 0, prefixed.stderr);
  checkList(prefixed.stdout);

  mkdirSync(join(home, '.veracode'), { recursive: true, mode: 0o700 });
  writeFileSync(join(home, '.veracode', 'credentials'), `[standin]\nveracode_api_key_id = ${ID}\nveracode_api_key_secret = ${SECRET}\n`, { mode: 0o600 });
  const profile = await run(['--api-url', url, '--profile', 'standin', 'list', '--json'], { env: { HOME: home } });
  assert.equal(profile.code, 0, profile.stderr);
  checkList(profile.stdout);
});

test('check exit codes follow the windows for the key in use (200 days left)', async () => {
  const env = { HOME: home, VERACODE_API_KEY_ID: ID, VERACODE_API_KEY_SECRET: SECRET };
  assert.equal((await run(['--api-url', url, 'check'], { env })).code, 0);
  assert.equal((await run(['--api-url', url, 'check', '--warn', '300'], { env })).code, 1);
  assert.equal((await run(['--api-url', url, 'check', '--warn', '300', '--critical', '250'], { env })).code, 2);
  const wrong = await run(['--api-url', url, 'check'], { env: { ...env, VERACODE_API_KEY_SECRET: SECRET.replace(/^f/, 'e') } });
  assert.equal(wrong.code, 2, 'a key the server rejects is CRITICAL');
});
