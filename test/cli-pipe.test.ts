// `vcreds list --json | head`: the reader closing the pipe early is not an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator/index.js';

test('a reader that stops early (| head) ends vcreds quietly with exit 0', async () => {
  const emu = await startEmulator({ users: 1500, rateLimitPerMinute: 100_000 });
  const home = mkdtempSync(join(tmpdir(), 'vcreds-pipe-'));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--api-url', emu.apiUrl, 'list', '--json'], {
      env: { PATH: process.env.PATH, HOME: home, VERACODE_API_KEY_ID: emu.admin.id, VERACODE_API_KEY_SECRET: emu.admin.secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Like head: take the first chunk, then close our end while vcreds is still writing.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Error/);
  } finally {
    await emu.close();
    rmSync(home, { recursive: true, force: true });
  }
});
