// Large loads: credentials handed over page by page as they arrive (onBatch), requests bounded by
// the client's gate (--concurrency, Veracode's 500 a minute), rows held compactly. No timings
// are asserted here: the figures come from `npm run bench`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import { once } from 'node:events';
import { RequestGate } from '../src/api/gate.js';
import { createApiClient } from '../src/api/client.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { createIdentityService } from '../src/identity/service.js';
import type { LoadBatch, Organisation } from '../src/identity/types.js';
import { createInterner } from '../src/identity/intern.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RequestGate', () => {
  test('never more in flight than its concurrency; foreground work goes before queued background work', async () => {
    const gate = new RequestGate({ concurrency: 3, rateLimit: null });
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    const job = async (name: string, background: boolean) => {
      const release = await gate.enter({ background });
      assert.ok(release);
      order.push(name);
      inFlight++;
      most = Math.max(most, inFlight);
      await tick(5);
      inFlight--;
      release();
    };
    const all = [...Array.from({ length: 10 }, (_, i) => job(`bg${i}`, true)), job('fg', false)];
    await Promise.all(all);
    assert.equal(most, 3);
    // Three background jobs took the free slots at once; the foreground one is next, ahead of bg3.
    assert.deepEqual(order.slice(0, 4), ['bg0', 'bg1', 'bg2', 'fg']);
  });

  test('at most `requests` starts in any window, however many ask at once', async () => {
    let clock = 0;
    const gate = new RequestGate({ concurrency: 50, rateLimit: { requests: 5, windowMs: 40 }, now: () => clock });
    const starts: number[] = [];
    const asks = Array.from({ length: 12 }, async () => {
      const release = await gate.enter();
      starts.push(clock);
      release!();
    });
    // The gate wakes on real timers; the clock it reads moves only when this loop says.
    while (starts.length < 12) {
      await tick(2);
      clock += 5;
    }
    await Promise.all(asks);
    for (const s of starts) assert.ok(starts.filter((t) => t >= s && t < s + 40).length <= 5, `starts ${starts.join(',')}`);
    assert.deepEqual(starts.slice(0, 5), [0, 0, 0, 0, 0]);
  });

  test('a waiter whose signal aborts leaves the queue without taking a slot', async () => {
    const gate = new RequestGate({ concurrency: 1, rateLimit: null });
    const first = await gate.enter();
    const controller = new AbortController();
    const waiting = gate.enter({ signal: controller.signal });
    controller.abort();
    assert.equal(await waiting, null);
    first!();
    const again = await gate.enter();
    assert.ok(again);
    again();
  });
});

/** A pass-through HTTP proxy in front of the emulator that counts requests in flight. */
async function countingProxy(target: string): Promise<{ url: string; most: () => number; total: () => number; server: Server }> {
  const to = new URL(target);
  let inFlight = 0;
  let most = 0;
  let total = 0;
  const server = createServer((req, res) => {
    inFlight++;
    total++;
    most = Math.max(most, inFlight);
    const out = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', () => inFlight--);
    });
    out.on('error', () => { inFlight--; res.destroy(); });
    req.pipe(out);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, most: () => most, total: () => total, server };
}

function serviceFor(emu: RunningEmulator, apiUrl: string, concurrency?: number) {
  const client = createApiClient({ baseUrl: apiUrl, auth: { kind: 'hmac', id: emu.admin.id, secret: emu.admin.secret }, env: {}, concurrency });
  return createIdentityService(client);
}

async function loadWithBatches(service: ReturnType<typeof createIdentityService>): Promise<{ org: Organisation; batches: LoadBatch[] }> {
  const batches: LoadBatch[] = [];
  const org = await service.loadOrganisation({ onBatch: (b) => batches.push(b) });
  return { org, batches };
}

function checkBatches(org: Organisation, batches: LoadBatch[]): void {
  // The caller first, alone.
  assert.equal(batches[0]!.source, 'caller');
  assert.equal(batches[0]!.credentials.length, 0);
  assert.equal(batches[0]!.caller.userId, org.caller.userId);
  // Batches only add: every credential once, and together exactly the final ones (same objects).
  const streamed = batches.flatMap((b) => b.credentials);
  assert.equal(new Set(streamed).size, streamed.length, 'no credential in two batches');
  assert.equal(streamed.length, org.credentials.length);
  const final = new Set(org.credentials);
  for (const c of streamed) assert.ok(final.has(c), `${c.id} streamed but not in the final result`);
  const users = batches.flatMap((b) => b.users ?? []);
  assert.equal(users.length, org.users.length);
  assert.deepEqual(new Set(users), new Set(org.users));
  // Progress only grows, and ends at what the server announced.
  for (let i = 1; i < batches.length; i++) {
    assert.ok(batches[i]!.done.users >= batches[i - 1]!.done.users);
    assert.ok(batches[i]!.done.oauth >= batches[i - 1]!.done.oauth);
  }
  const last = batches.at(-1)!;
  assert.equal(last.done.users, last.total.users);
  assert.equal(last.done.users, org.users.length);
  assert.equal(last.done.oauth, org.credentials.filter((c) => c.type === 'oauth').length);
  assert.equal(last.done.oauth, last.total.oauth);
  assert.equal(last.caller.isAdmin, true);
}

describe('a streamed load of 1,500 users over capped pages', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ users: 1_500, rateLimitPerMinute: 1_000_000, pageSizeCap: 100, seed: 7 });
  });
  after(() => emu.close());

  test('caller first, then page by page: the batches add up to the final Organisation, with progress', async () => {
    const { org, batches } = await loadWithBatches(serviceFor(emu, emu.apiUrl));
    checkBatches(org, batches);
    assert.ok(batches.filter((b) => b.source === 'users').length >= 15, 'one batch per page of users');
    assert.ok(batches.filter((b) => b.source === 'oauth').length >= 2, 'one batch per page of OAuth clients');
    // The first rows come with the first page of users, long before the last page.
    const firstRows = batches.findIndex((b) => b.credentials.length > 0);
    assert.equal(batches[firstRows]!.source, 'users');
    assert.ok(batches[firstRows]!.done.users <= 100);
  });

  test('the same organisation whatever the concurrency; --concurrency 1 means one request at a time', async () => {
    const proxy = await countingProxy(emu.apiUrl);
    try {
      const one = await serviceFor(emu, proxy.url, 1).loadOrganisation();
      assert.equal(proxy.most(), 1);
      const several = await serviceFor(emu, proxy.url, 6).loadOrganisation();
      assert.ok(proxy.most() > 1 && proxy.most() <= 6, `${proxy.most()} in flight`);
      const ids = (o: Organisation) => o.credentials.map((c) => c.id).sort();
      assert.deepEqual(ids(several), ids(one));
      assert.deepEqual(several.users.map((u) => u.userId), one.users.map((u) => u.userId), 'users in the server order');
    } finally {
      proxy.server.close();
    }
  });

  test('a pause for the rate limit is told as progress, with when it ends, and the load then goes on to the end', async () => {
    // 6 requests in any 1.5 s: the load (self, ~15 pages of users, pages of OAuth clients) must pause.
    const client = createApiClient({
      baseUrl: emu.apiUrl, auth: { kind: 'hmac', id: emu.admin.id, secret: emu.admin.secret }, env: {},
      rateLimit: { requests: 6, windowMs: 1_500 },
    });
    const seen: { at: number; waitingUntil?: number }[] = [];
    const org = await createIdentityService(client).loadOrganisation({ onProgress: (p) => seen.push({ at: Date.now(), waitingUntil: p.waitingUntil }) });
    const pauses = seen.filter((p) => p.waitingUntil !== undefined);
    assert.ok(pauses.length > 0, 'at least one pause was told');
    for (const p of pauses) assert.ok(p.waitingUntil! - p.at >= 900 && p.waitingUntil! - p.at <= 1_600, `a pause of ${p.waitingUntil! - p.at} ms`);
    // Each pause is followed by progress without one: the load went on, and ends unpaused.
    assert.equal(seen.at(-1)!.waitingUntil, undefined);
    const unpaused = await serviceFor(emu, emu.apiUrl).loadOrganisation();
    assert.equal(org.users.length, unpaused.users.length);
    assert.equal(org.credentials.length, unpaused.credentials.length);
  });

  test('rows held compactly: one owner object per user, one role list per distinct set, no per-row empty lists', async () => {
    const org = await serviceFor(emu, emu.apiUrl).loadOrganisation();
    const owners = new Set(org.credentials.map((c) => c.owner));
    const ownerKeys = new Set(org.credentials.map((c) => `${c.owner.userId}|${c.owner.userName}|${c.owner.accountType}`));
    assert.equal(owners.size, ownerKeys.size, 'an HMAC key and its owner’s OAuth clients share one owner object');
    const roleLists = new Set(org.credentials.map((c) => c.roles));
    const roleKeys = new Set(org.credentials.map((c) => c.roles.map((r) => r.name).join(',')));
    assert.equal(roleLists.size, roleKeys.size);
    assert.ok(roleLists.size * 5 < org.credentials.length, `${roleLists.size} role lists for ${org.credentials.length} credentials`);
    const hmac = org.credentials.filter((c) => c.type === 'hmac' && c.profiles.length === 0);
    assert.equal(new Set(hmac.map((c) => c.secrets)).size, 1);
    assert.equal(new Set(hmac.map((c) => c.profiles)).size, 1);
  });
});

describe('a streamed load where the user list carries no keys', () => {
  test('per-user lookups are handed over in batches as they come back, with their own progress', async () => {
    const emu = await startEmulator({ users: 300, rateLimitPerMinute: 1_000_000, usersCarryCredentials: false, seed: 3 });
    try {
      const { org, batches } = await loadWithBatches(serviceFor(emu, emu.apiUrl, 4));
      checkBatches(org, batches);
      const lookups = batches.filter((b) => b.source === 'lookups');
      assert.ok(lookups.length > 10, `${lookups.length} lookup batches`);
      const last = batches.at(-1)!.done.lookups!;
      assert.equal(last.done, last.queued);
      assert.equal(last.queued, org.users.length);
      // The users' pages carried no keys: every HMAC row came from a lookup.
      const fromPages = batches.filter((b) => b.source === 'users').flatMap((b) => b.credentials);
      assert.equal(fromPages.length, 0);
    } finally {
      await emu.close();
    }
  });
});

describe('a load that is aborted or fails', () => {
  test('hands over nothing after the abort, and rejects', async () => {
    const emu = await startEmulator({ users: 800, rateLimitPerMinute: 1_000_000, faults: { latencyMs: 20 } });
    try {
      const controller = new AbortController();
      const batches: LoadBatch[] = [];
      let afterAbort = 0;
      const load = serviceFor(emu, emu.apiUrl, 2).loadOrganisation({
        signal: controller.signal,
        onBatch: (b) => {
          if (controller.signal.aborted) afterAbort++;
          batches.push(b);
          if (b.source === 'users') controller.abort();
        },
      });
      await assert.rejects(load);
      assert.equal(afterAbort, 0);
      assert.ok(batches.length >= 2);
    } finally {
      await emu.close();
    }
  });
});

test('interner: the same owner and role list for equal values', () => {
  const i = createInterner();
  assert.equal(i.owner('u1', 'ann', 'user'), i.owner('u1', 'ann', 'user'));
  assert.notEqual(i.owner('u1', 'ann', 'user'), i.owner('u1', 'ann', 'api'));
  const r = [{ name: 'a' }, { name: 'b' }];
  assert.equal(i.roles([...r]), i.roles([...r]));
  assert.notEqual(i.roles([...r]), i.roles([r[1]!, r[0]!]));
});
