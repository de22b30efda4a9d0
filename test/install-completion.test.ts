// `vcreds completion bash|zsh|fish`: the bash script loaded in a real bash and asked for
// completions (a command, a subcommand, a flag, a profile name read from the credentials file at
// completion time); zsh and fish scripts parsed by their shells where those are installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from './cli-harness.js';

const BIN = join(import.meta.dirname, '..', 'dist', 'vcreds.js');

const CREDENTIALS = `[default]
veracode_api_key_id = vera01ei-0123456789abcdef0123456789abcdef
veracode_api_key_secret = SECRET-NEVER-PRINTED-1

[ci-eu]
veracode_api_key_id = 11112222333344445555666677778888
veracode_api_key_secret = SECRET-NEVER-PRINTED-2

[release]
veracode_api_key_id = 99990000aaaabbbbccccddddeeeeffff
veracode_api_key_secret = SECRET-NEVER-PRINTED-3
`;

/** A HOME with a credentials file, and a PATH where `vcreds` is the built bin. */
function setup(t: { after: (fn: () => void) => void }) {
  assert.ok(existsSync(BIN), 'dist/vcreds.js is missing: run node scripts/build.mjs (npm test does)');
  const home = mkdtempSync(join(tmpdir(), 'vcreds-completion-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  mkdirSync(join(home, '.veracode'), { mode: 0o700 });
  writeFileSync(join(home, '.veracode', 'credentials'), CREDENTIALS, { mode: 0o600 });
  mkdirSync(join(home, 'bin'));
  symlinkSync(BIN, join(home, 'bin', 'vcreds'));
  const env = { HOME: home, PATH: `${join(home, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin` };
  return { home, env };
}

/** The script `vcreds completion SHELL` prints (in-process: fast), saved where a shell can source it. */
async function saveScript(shell: 'bash' | 'zsh' | 'fish', home: string): Promise<string> {
  const r = await run(['completion', shell], { env: { HOME: home } });
  assert.equal(r.code, 0, r.stderr);
  const file = join(home, `vcreds.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

/** What bash's _vcreds offers for the words typed so far (the last one is being completed). */
function complete(env: Record<string, string>, file: string, words: string[]): string[] {
  const script = `source '${file}' || exit 9
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_vcreds; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', script], { env, encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

test('bash: commands, subcommands, flags and profile names complete in a real bash', { timeout: 60_000 }, async (t) => {
  const { env, home } = setup(t);
  // Sourced as a user does, once: the script is what `vcreds completion bash` prints.
  assert.deepEqual(execFileSync('bash', ['--norc', '--noprofile', '-c', 'source <(vcreds completion bash) && complete -p vcreds'], { env, encoding: 'utf8' }).trim(), 'complete -F _vcreds vcreds');
  const file = await saveScript('bash', home);
  assert.deepEqual(complete(env, file, ['vcreds', 'li']), ['list']);
  assert.deepEqual(complete(env, file, ['vcreds', 'c']).sort(), ['check', 'completion', 'config', 'create']);
  assert.deepEqual(complete(env, file, ['vcreds', 'create', '']).sort(), ['hmac', 'oauth']);
  assert.deepEqual(complete(env, file, ['vcreds', 'list', '--exp']), ['--expiring-within']);
  // Global flags work after a command too; a command's own flags stay with it.
  assert.ok(complete(env, file, ['vcreds', 'list', '--']).includes('--profile'));
  assert.ok(!complete(env, file, ['vcreds', 'show', '--']).includes('--expiring-within'));
  // Profile names, read when Tab is pressed, after every flag that names a profile.
  assert.deepEqual(complete(env, file, ['vcreds', '--profile', '']), ['default', 'ci-eu', 'release']);
  assert.deepEqual(complete(env, file, ['vcreds', 'check', '--profile', 'c']), ['ci-eu']);
  assert.deepEqual(complete(env, file, ['vcreds', 'create', 'hmac', '--save-profile', 'r']), ['release']);
  // A flag's value is not mistaken for a command: `--profile list` is a profile named list.
  assert.deepEqual(complete(env, file, ['vcreds', '--profile', 'ci-eu', 'rot']), ['rotate']);
  assert.deepEqual(complete(env, file, ['vcreds', 'completion', '']), ['bash', 'zsh', 'fish']);
});

test('__complete profiles prints profile names only, never an id or a secret; nothing when there is no file', async (t) => {
  const { home } = setup(t);
  const listed = await run(['__complete', 'profiles'], { env: { HOME: home } });
  assert.equal(listed.code, 0);
  assert.equal(listed.stdout, 'default\nci-eu\nrelease\n');
  const none = await run(['__complete', 'profiles'], { env: { HOME: join(home, 'nowhere') } });
  assert.deepEqual([none.code, none.stdout, none.stderr], [0, '', '']);
  for (const shell of ['bash', 'zsh', 'fish']) {
    const script = await run(['completion', shell], { env: { HOME: home } });
    assert.equal(script.code, 0);
    assert.ok(!/SECRET-NEVER-PRINTED|0123456789abcdef|ci-eu/.test(script.stdout), `${shell}: the script holds no profile, id or secret`);
  }
  // `__complete` is hidden from help.
  assert.ok(!(await run(['--help'])).stdout.includes('__complete'));
});

test('completion refuses an unknown shell as a usage error', async () => {
  const r = await run(['completion', 'tcsh']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /tcsh/);
});

const has = (shell: string) => spawnSync(shell, ['--version'], { stdio: 'ignore' }).status === 0;

test('fish: the same completions through fish\'s own complete -C', { skip: has('fish') ? false : 'fish is not installed here (the bash script is exercised fully above)', timeout: 60_000 }, async (t) => {
  const { env, home } = setup(t);
  const file = await saveScript('fish', home);
  assert.equal(spawnSync('fish', ['-n', file]).status, 0);
  const offered = (line: string) =>
    execFileSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { env, encoding: 'utf8' })
      .split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
  assert.deepEqual(offered('vcreds li'), ['list']);
  assert.deepEqual(offered('vcreds create ').sort(), ['hmac', 'oauth']);
  assert.deepEqual(offered('vcreds list --exp'), ['--expiring-within']);
  assert.deepEqual(offered('vcreds check --profile c'), ['ci-eu']);
  assert.deepEqual(offered('vcreds --profile ci-eu rot'), ['rotate']);
});

test('zsh: the script parses and registers _vcreds through compdef', { skip: has('zsh') ? false : 'zsh is not installed here (the bash script is exercised fully above)', timeout: 60_000 }, async (t) => {
  const { env, home } = setup(t);
  const file = await saveScript('zsh', home);
  const parsed = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
  assert.equal(parsed.status, 0, parsed.stderr);
  // compdef as compinit defines it, recorded (compinit itself takes seconds to scan fpath).
  const registered = execFileSync('zsh', ['-fc', `compdef() { print -r -- "$*"; }; source '${file}'`], { env, encoding: 'utf8' });
  assert.equal(registered.trim(), '_vcreds vcreds');
});
