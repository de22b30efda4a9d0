// The admin, member and admin OAuth client are always present and usable when the emulator
// starts, even when a saved organisation had them rotated, revoked or expired since.
import type { EmulatorKey } from './contract.js';
import { hashSecret, isLiveHmac, isLiveSecret, type Store } from './store.js';
import { DAY_MS } from './time.js';

function liveKey(store: Store, userId: string, now: number): EmulatorKey {
  const user = store.usersById.get(userId);
  if (!user) throw new Error(`the demo user ${userId} is missing from the organisation`);
  let h = store.latestHmac(userId);
  if (!h || !isLiveHmac(h, now)) h = store.generateHmac(userId, now, 'vcreds-emulator').hmac;
  return { userId, userName: user.user_name, id: h.api_id, secret: h.secret };
}

export interface DemoAccess {
  admin: EmulatorKey;
  member: EmulatorKey;
  adminOAuth: { clientId: string; clientSecret: string };
}

export function ensureDemoKeys(store: Store, now: number): DemoAccess {
  const demo = store.data.demo;
  const admin = liveKey(store, demo.adminUserId, now);
  const member = liveKey(store, demo.memberUserId, now);
  const client = store.clientsById.get(demo.adminOAuthClientId);
  const hash = hashSecret(demo.adminOAuthSecret);
  const usable = client && client.revoked === null && client.expiration > now
    && client.secrets.some((s) => s.hash === hash && isLiveSecret(s, now));
  if (!usable) {
    const owner = store.usersById.get(demo.adminUserId)!;
    const taken = new Set((store.clientsByUser.get(owner.user_id) ?? []).filter((c) => c.revoked === null).map((c) => c.name));
    let name = 'vcreds-demo';
    for (let n = 2; taken.has(name); n++) name = `vcreds-demo-${n}`;
    const made = store.createClient(
      { userId: owner.user_id, name, description: 'The demo OAuth client printed by vcreds emulator', roles: [...owner.roles], expiration: now + 330 * DAY_MS },
      now,
    );
    demo.adminOAuthClientId = made.client.client_id;
    demo.adminOAuthSecret = made.clientSecret;
    store.touch();
  }
  return { admin, member, adminOAuth: { clientId: demo.adminOAuthClientId, clientSecret: demo.adminOAuthSecret } };
}
