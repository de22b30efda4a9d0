// Signals at every step of rotate and create, against the built bin and an emulator with latency:
// after SIGINT, SIGTERM or SIGKILL the new secret is in the credentials file, printed, or in the
// recovery journal (and `vcreds recover` then finishes the job); never lost. The file is whole and
// 0600. The one unavoidable loss is a SIGKILL while the answer to the POST is still on its way:
// the server has made a secret this process never received (counted and reported, not hidden).
// Needs dist/vcreds.js: run `node scripts/build.mjs` first (npm test does).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRecords } from '../src/credentials/journal.js';
import { parseIni } from '../src/credentials/ini.js';
import { fixture, profileText, type Fixture } from './cli-harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'dist', 'vcreds.js');
const LATENCY = 200;
const SIGNO = { SIGINT: 2, SIGTERM: 15, SIGKILL: 9 } as const;
type Sig = keyof typeof SIGNO;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  /** ms since the run started when the signal was sent, and when the POST's answer was written. */
  signalAt: number | null;
  postDoneAt: number | null;
}

/** Runs the bin; `trigger` says after which emulator log line (-1: the start) and how long after to send `sig`. */
async function runWithSignal(f: Fixture, log: { lines: Array<{ at: number; line: string }> }, argv: string[], env: Record<string, string>, sig: Sig | null, trigger: { afterLine: number; delayMs: number }): Promise<Ran> {
  log.lines.length = 0;
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, '--api-url', f.emu.apiUrl, ...argv], { env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let signalAt: number | null = null;
  const send = () => {
    if (signalAt !== null || child.exitCode !== null || child.signalCode !== null || !sig) return;
    signalAt = Date.now() - started;
    child.kill(sig);
  };
  let timer: NodeJS.Timeout | undefined;
  const poll = setInterval(() => {
    if (timer) return;
    if (trigger.afterLine < 0 || log.lines.length > trigger.afterLine) timer = setTimeout(send, trigger.delayMs);
  }, 1);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  clearInterval(poll);
  clearTimeout(timer);
  await new Promise((r) => setTimeout(r, 20));
  const post = log.lines.find((l) => / POST /.test(l.line));
  return { code, signal, out, signalAt, postDoneAt: post ? post.at - started : null };
}

/** Runs a command to completion, for recover. */
function runPlain(f: Fixture, argv: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--api-url', f.emu.apiUrl, ...argv], { env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

interface Scenario {
  name: string;
  argv: (f: Fixture) => string[];
  env: (f: Fixture) => Record<string, string>;
  /** Requests the run makes, for the triggers (from a run without signals). */
  requests: number;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'rotate --profile ci',
    argv: () => ['--profile', 'ci', 'rotate'],
    env: (f) => ({ HOME: f.home }),
    requests: 6,
  },
  {
    name: 'create hmac --user M --save-profile ci --force',
    argv: (f) => ['create', 'hmac', '--user', f.emu.member.userName, '--save-profile', 'ci', '--force'],
    env: (f) => f.env as Record<string, string>,
    requests: 4,
  },
  {
    name: 'create hmac --user M (printed)',
    argv: (f) => ['create', 'hmac', '--user', f.emu.member.userName],
    env: (f) => f.env as Record<string, string>,
    requests: 4,
  },
];

const tally = { runs: 0, interrupted: 0, safe: 0, recovered: 0, lostInFlight: 0, byOutcome: new Map<string, number>() };
after(() => {
  const outcomes = [...tally.byOutcome.entries()].map(([k, v]) => `${k}: ${v}`).join(', ');
  console.log(`# signals: ${tally.runs} runs, ${tally.interrupted} signals delivered, ${tally.safe} new secrets safe (${outcomes}), ${tally.recovered} finished by vcreds recover, ${tally.lostInFlight} SIGKILLs while the POST's answer was in flight (secret never received)`);
});

function count(outcome: string): void {
  tally.byOutcome.set(outcome, (tally.byOutcome.get(outcome) ?? 0) + 1);
}

/** The file parses, is 0600, every profile pairs an id with its own secret; no other file in the folder is readable by others. */
function assertFileWhole(f: Fixture, pairs: Map<string, string>, what: string): void {
  const text = readFileSync(f.credentialsPath, 'utf8');
  assert.equal(statSync(f.credentialsPath).mode & 0o777, 0o600, `${what}: mode`);
  const doc = parseIni(text, f.credentialsPath);
  for (const s of doc.sections) {
    const id = s.entries.find((e) => e.key === 'veracode_api_key_id')?.value;
    const secret = s.entries.find((e) => e.key === 'veracode_api_key_secret')?.value;
    assert.ok(id && secret, `${what}: [${s.name}] is incomplete`);
    assert.equal(pairs.get(id), secret, `${what}: [${s.name}] pairs ${id} with another key's secret`);
  }
  const dir = join(f.credentialsPath, '..');
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    assert.equal(statSync(p).mode & 0o077, 0, `${what}: ${name} is open to others`);
    if (name.endsWith('.recovery')) for (const e of readdirSync(p)) assert.equal(statSync(join(p, e)).mode & 0o777, 0o600);
  }
}

describe('signals at every step', { concurrency: 1 }, () => {
  for (const scenario of SCENARIOS) {
    test(scenario.name, { timeout: 600_000 }, async () => {
      assert.ok(existsSync(BIN), 'dist/vcreds.js is missing: run node scripts/build.mjs');
      const triggers: Array<{ afterLine: number; delayMs: number }> = [{ afterLine: -1, delayMs: 150 }];
      for (let i = 0; i < scenario.requests; i++) triggers.push({ afterLine: i, delayMs: LATENCY / 2 });
      // Right around the answer to the POST: the window where the secret has just arrived.
      for (const d of [0, 2, 4, 6, 8, 12, 16, 25]) triggers.push({ afterLine: scenario.requests === 6 ? 4 : 3, delayMs: d });
      for (const sig of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
        for (const trigger of triggers) {
          const what = `${scenario.name}, ${sig} ${trigger.afterLine < 0 ? 'at start' : `after request ${trigger.afterLine + 1}`} +${trigger.delayMs}ms`;
          const log = { lines: [] as Array<{ at: number; line: string }> };
          const f = await fixture({ faults: { latencyMs: LATENCY }, log: (line) => log.lines.push({ at: Date.now(), line }) });
          try {
            const m = f.emu.member;
            f.writeCredentials(`# team\n${profileText('ci', m.id, m.secret)}\n${profileText('admin', f.emu.admin.id, f.emu.admin.secret)}`);
            const before = new Set(f.data().hmac.map((h) => h.api_id));
            const r = await runWithSignal(f, log, scenario.argv(f), scenario.env(f), sig, trigger);
            tally.runs++;
            if (r.signalAt !== null) tally.interrupted++;
            const data = f.data();
            const pairs = new Map(data.hmac.map((h) => [h.api_id, h.secret] as [string, string]));
            assertFileWhole(f, pairs, what);
            const fresh = data.hmac.filter((h) => !before.has(h.api_id));
            assert.ok(fresh.length <= 1, `${what}: more than one key was generated`);
            if (sig !== 'SIGKILL' && r.signalAt !== null && r.signal === null) {
              // Deferred: 128+signo once safe. 0: it came as the finished process was already exiting.
              assert.ok(r.code === 128 + SIGNO[sig] || r.code === 0, `${what}: exit code ${r.code}\n${r.out}`);
              if (r.code !== 0) assert.match(r.out, new RegExp(`${sig} received while[^\\n]*\\n(.|\\n)*vcreds: stopped by ${sig}`), what);
            }
            if (sig !== 'SIGKILL') {
              assert.ok(r.code !== null || r.signal === sig, `${what}: ended by ${r.signal}`);
              assert.deepEqual(listRecords(f.credentialsPath).records.map((x) => x.entry.id), [], `${what}: the journal keeps a secret after a signal it could handle\n${r.out}`);
            }
            assert.ok(!existsSync(`${f.credentialsPath}.lock`) || sig === 'SIGKILL', `${what}: the lock was left`);
            for (const key of fresh) {
              const inFile = readFileSync(f.credentialsPath, 'utf8').includes(key.secret);
              const printed = r.out.includes(key.secret);
              const journaled = listRecords(f.credentialsPath).records.some((x) => x.entry.secret === key.secret);
              if (inFile || printed || journaled) {
                tally.safe++;
                count(inFile ? 'in the file' : printed ? 'printed' : 'journaled');
              } else {
                // Only a SIGKILL before this process could have read the answer may lose it.
                assert.equal(sig, 'SIGKILL', `${what}: the new secret is nowhere\n${r.out}`);
                assert.ok(r.postDoneAt === null || r.signalAt! <= r.postDoneAt + 30, `${what}: killed ${r.signalAt! - (r.postDoneAt ?? 0)}ms after the answer was sent, and the secret is nowhere`);
                tally.lostInFlight++;
                continue;
              }
              if (journaled && !inFile && !printed) {
                // What a kill -9 left, `vcreds recover` finishes: into the intended profile, or printed.
                const rec = await runPlain(f, ['recover'], { HOME: f.home });
                assert.equal(rec.code, 0, `${what}: recover\n${rec.out}`);
                const nowInFile = readFileSync(f.credentialsPath, 'utf8').includes(key.secret);
                assert.ok(nowInFile || rec.out.includes(key.secret), `${what}: recover did not deliver it\n${rec.out}`);
                assert.deepEqual(listRecords(f.credentialsPath).records, []);
                assertFileWhole(f, pairs, `${what}, after recover`);
                tally.recovered++;
              }
            }
          } finally {
            await f.close();
          }
        }
      }
    });
  }
});

describe('stdout closed', () => {
  test('create hmac with stdout closed: the secret goes to stderr, saying why, and leaves the journal', async () => {
    assert.ok(existsSync(BIN), 'dist/vcreds.js is missing: run node scripts/build.mjs');
    const f = await fixture();
    try {
      const child = spawn(process.execPath, [BIN, '--api-url', f.emu.apiUrl, 'create', 'hmac', '--user', f.emu.member.userName], { env: { PATH: process.env.PATH!, ...(f.env as Record<string, string>) }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // the reader is gone: every write to stdout fails with EPIPE
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const fresh = f.data().hmac.filter((h) => h.user_id === f.emu.member.userId && !h.revoked).sort((a, b) => b.created - a.created)[0]!;
      assert.notEqual(fresh.api_id, f.emu.member.id);
      assert.match(err, /stdout is closed, so the new secret is printed here instead/);
      assert.ok(err.includes(`veracode_api_key_secret = ${fresh.secret}`), err);
      assert.equal(code, 0, err);
      assert.deepEqual(listRecords(f.credentialsPath).records, []);
    } finally {
      await f.close();
    }
  });
});

describe('two rotations of one key at once', () => {
  test('one rotates; the other finds the profile changed under the lock and changes nothing; the file holds a working key', async () => {
    assert.ok(existsSync(BIN), 'dist/vcreds.js is missing: run node scripts/build.mjs');
    const f = await fixture({ faults: { latencyMs: 100 } });
    try {
      const m = f.emu.member;
      f.writeCredentials(profileText('ci', m.id, m.secret));
      const before = f.data().hmac.length;
      const both = await Promise.all([0, 1].map(() => runPlain(f, ['--profile', 'ci', 'rotate'], { HOME: f.home })));
      const codes = both.map((r) => r.code).sort();
      assert.deepEqual(codes, [0, 1], both.map((r) => r.out).join('\n---\n'));
      const loser = both.find((r) => r.code === 1)!;
      assert.match(loser.out, new RegExp(`profile \\[ci\\] no longer holds the key ${m.id} \\(\\[ci\\] holds [0-9a-f]{32}\\): another vcreds rotated or replaced it meanwhile; nothing was changed`));
      assert.equal(f.data().hmac.length, before + 1, 'one new key only');
      const text = readFileSync(f.credentialsPath, 'utf8');
      const id = /veracode_api_key_id = (\S+)/.exec(text)![1]!;
      const stored = f.data().hmac.find((h) => h.api_id === id)!;
      assert.equal(stored.revoked, null, 'the file holds a key that is not revoked');
      const check = await runPlain(f, ['--profile', 'ci', 'api', '/api/authn/v2/users/self'], { HOME: f.home });
      assert.equal(check.code, 0, check.out);
    } finally {
      await f.close();
    }
  });
});
