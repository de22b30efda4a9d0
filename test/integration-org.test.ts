// The real client and service against the emulator over loopback: loading an organisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient } from '../src/api/client.js';
import { connect } from '../src/connect.js';
import { startEmulator } from '../src/emulator/index.js';
import type { EmulatorKey, EmulatorOptions } from '../src/emulator/index.js';
import { createIdentityService } from '../src/identity/service.js';
import type { LoadProgress } from '../src/identity/types.js';

async function withEmulator(options: EmulatorOptions, run: (emu: Awaited<ReturnType<typeof startEmulator>>) => Promise<void>) {
  const emu = await startEmulator({ seed: 7, ...options });
  try {
    await run(emu);
  } finally {
    await emu.close();
  }
}

function serviceFor(apiUrl: string, key: EmulatorKey, lines?: string[], now?: () => number) {
  const client = createApiClient({ baseUrl: apiUrl, auth: { kind: 'hmac', id: key.id, secret: key.secret }, env: {}, now, debug: lines ? (l) => lines.push(l) : undefined });
  return { client, service: createIdentityService(client) };
}

async function total(client: ReturnType<typeof createApiClient>, path: string): Promise<number> {
  const body = await client.request<{ page: { total_elements: number } }>('GET', path, { query: { size: 1 } });
  return body.page.total_elements;
}

test('an admin sees every user, every HMAC credential and every OAuth client, over several capped pages', async () => {
  await withEmulator({ users: 60, pageSizeCap: 7 }, async (emu) => {
    const lines: string[] = [];
    const { client, service } = serviceFor(emu.apiUrl, emu.admin, lines);
    const progress: LoadProgress[] = [];
    const org = await service.loadOrganisation({ onProgress: (p) => progress.push(p) });
    assert.equal(org.caller.isAdmin, true);
    assert.equal(org.caller.userId, emu.admin.userId);
    assert.equal(org.users.length, await total(client, '/api/authn/v2/users'));
    assert.equal(new Set(org.users.map((u) => u.userId)).size, org.users.length);
    const oauth = org.credentials.filter((c) => c.type === 'oauth');
    assert.equal(oauth.length, await total(client, '/api/authn/v2/oauth_clients'));
    const hmac = org.credentials.filter((c) => c.type === 'hmac');
    assert.ok(hmac.some((c) => c.id === emu.admin.id && c.owner.userName === emu.admin.userName));
    assert.ok(hmac.some((c) => c.id === emu.member.id && c.owner.userId === emu.member.userId));
    // The server capped `size` at 7: the client followed its page count, not the size it asked for.
    const userPages = lines.filter((l) => /GET \S+\/users\?detailed=true&page=\d+/.test(l));
    assert.equal(userPages.length, Math.ceil(org.users.length / 7));
    assert.ok(progress.some((p) => p.phase === 'users' && p.done === org.users.length && p.total === org.users.length));
    assert.equal(org.maxTtlDays, 365);
  });
});

test('when /users carries no credentials, they are looked up per user and the result is the same', async () => {
  // One fixed clock for both organisations (and the signatures), so their timestamps agree.
  const now = () => Date.parse('2026-03-01T12:00:00Z');
  const load = async (usersCarryCredentials: boolean) => {
    let result: { ids: string[]; lookups: number } | undefined;
    await withEmulator({ users: 30, usersCarryCredentials, now }, async (emu) => {
      const lines: string[] = [];
      const org = await serviceFor(emu.apiUrl, emu.admin, lines, now).service.loadOrganisation();
      result = {
        ids: org.credentials.filter((c) => c.type === 'hmac').map((c) => `${c.id}:${c.owner.userId}:${c.expiresAt}:${c.revokedAt}`).sort(),
        lookups: lines.filter((l) => l.includes('/api_credentials/user_id/')).length,
      };
    });
    return result!;
  };
  const carried = await load(true);
  const lookedUp = await load(false);
  assert.ok(carried.ids.length > 0);
  assert.deepEqual(lookedUp.ids, carried.ids);
  assert.equal(carried.lookups, 0);
  assert.ok(lookedUp.lookups >= 30);
});

test('a non-admin gets only their own credentials, without an error', async () => {
  await withEmulator({ users: 30 }, async (emu) => {
    const { service } = serviceFor(emu.apiUrl, emu.member);
    const org = await service.loadOrganisation();
    assert.equal(org.caller.isAdmin, false);
    assert.deepEqual(org.users.map((u) => u.userId), [emu.member.userId]);
    assert.ok(org.credentials.length >= 1);
    for (const c of org.credentials) assert.equal(c.owner.userId, emu.member.userId);
    assert.ok(org.credentials.some((c) => c.type === 'hmac' && c.id === emu.member.id));
    const roles = await service.listRoles();
    assert.ok(roles.length > 0);
  });
});

test('connect(): env key + explicit API URL, and profiles holding a key are marked', async () => {
  await withEmulator({ users: 20 }, async (emu) => {
    const dir = mkdtempSync(join(tmpdir(), 'vcreds-int-'));
    try {
      const path = join(dir, 'credentials');
      writeFileSync(path, `[default]\nveracode_api_key_id = ${emu.admin.id}\nveracode_api_key_secret = ${emu.admin.secret}\n[ci]\nveracode_api_key_id = ${emu.member.id}\nveracode_api_key_secret = ${emu.member.secret}\n`, { mode: 0o600 });
      const { ctx, key } = await connect({ env: {}, apiUrl: emu.apiUrl, credentialsPath: path });
      assert.equal(ctx.connection.source, 'file');
      assert.equal(ctx.connection.profile, 'default');
      assert.equal(ctx.connection.apiUrl, emu.apiUrl);
      assert.equal('id' in key && key.id, emu.admin.id);
      const org = await ctx.service.loadOrganisation();
      const member = org.credentials.find((c) => c.id === emu.member.id);
      assert.deepEqual(member?.profiles, ['ci']);
      assert.deepEqual(org.credentials.find((c) => c.id === emu.admin.id)?.profiles, ['default']);

      const viaEnv = await connect({ env: { VERACODE_API_KEY_ID: emu.member.id, VERACODE_API_KEY_SECRET: emu.member.secret }, apiUrl: emu.apiUrl, credentialsPath: path });
      assert.equal(viaEnv.ctx.connection.source, 'env');
      assert.equal((await viaEnv.ctx.service.self()).userId, emu.member.userId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
