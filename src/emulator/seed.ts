// The seeded organisation: deterministic from the seed and relative to the clock, with HMAC
// credentials and OAuth clients in every state a client has to show. Linear in the user count.
import { derivedHex, Rng, uuidFromHex } from './prng.js';
import { API_ROLE_NAMES, HUMAN_ROLE_NAMES } from './roles.js';
import { API_ACCOUNT_STEMS, CLIENT_PURPOSES, FIRST_NAMES, LAST_NAMES, TEAM_NAMES } from './seed-names.js';
import { hashSecret, HMAC_TTL_DAYS } from './store.js';
import type { DbClient, DbHmac, DbTeam, DbUser, StoreData } from './store-types.js';
import { DAY_MS, type TsForm } from './time.js';

const HOUR_MS = 3_600_000;

type HmacState = 'active' | 'expiring7' | 'expiring1' | 'expired' | 'revoked' | 'none' | 'rotated';
type ClientState = 'one' | 'two' | 'revoked' | 'expired' | 'expiring';

// The first users run through every state, so even a small organisation shows them all.
const HMAC_FIRST: HmacState[] = ['active', 'expiring7', 'expiring1', 'expired', 'revoked', 'none', 'rotated'];
const CLIENT_FIRST: ClientState[] = ['one', 'two', 'revoked', 'expired', 'expiring'];

function weighted<T>(rng: Rng, table: Array<[T, number]>): T {
  let r = rng.next();
  for (const [value, weight] of table) {
    if ((r -= weight) < 0) return value;
  }
  return table[table.length - 1]![0];
}

export interface DemoSeed {
  adminId: string;
  adminSecret: string;
  memberId: string;
  memberSecret: string;
  oauthSecret: string;
}

/** The demo keys, fixed for a seed: scripts and docs can rely on them. */
export function demoSeed(seed: number): DemoSeed {
  return {
    adminId: derivedHex(seed, 'admin-id', 32),
    adminSecret: derivedHex(seed, 'admin-secret', 128),
    memberId: derivedHex(seed, 'member-id', 32),
    memberSecret: derivedHex(seed, 'member-secret', 128),
    oauthSecret: derivedHex(seed, 'oauth-secret', 64),
  };
}

export function seedOrganisation(seed: number, userCount: number, now: number): StoreData {
  const rng = new Rng(seed);
  const demo = demoSeed(seed);
  const teams: DbTeam[] = TEAM_NAMES.map((name) => ({ team_id: rng.uuid(), team_name: name }));
  const usedNames = new Set<string>();
  const users: DbUser[] = [];
  const hmac: DbHmac[] = [];
  const clients: DbClient[] = [];
  const total = Math.max(2, userCount);

  const human = (roles: string[]): DbUser => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const stem = `${first[0]}${last}`.toLowerCase();
    let name = `${stem}@example.com`;
    for (let n = 2; usedNames.has(name); n++) name = `${stem}${n}@example.com`;
    usedNames.add(name);
    return {
      user_id: rng.uuid(), user_name: name, email_address: name, first_name: first, last_name: last,
      login_enabled: rng.chance(0.92), saml_user: rng.chance(0.4), account_type: 'USER', roles,
      teams: rng.chance(0.2) ? [] : rng.subset(teams, 2),
    };
  };
  const apiAccount = (name: string, roles: string[]): DbUser => {
    usedNames.add(name);
    return {
      user_id: rng.uuid(), user_name: name, email_address: 'appsec-team@example.com', first_name: name,
      last_name: 'API', login_enabled: true, saml_user: false, account_type: 'API', roles,
      teams: rng.chance(0.5) ? [] : rng.subset(teams, 1),
    };
  };
  const pair = (userId: string, expiration: number, revoked: number | null, form?: TsForm, id?: string, secret?: string): DbHmac => {
    const h: DbHmac = {
      api_id: id ?? rng.hex(32), user_id: userId, secret: secret ?? rng.hex(128),
      created: expiration - HMAC_TTL_DAYS * DAY_MS, expiration, revoked, revoked_by: revoked === null ? null : 'vcreds-admin',
    };
    if (form && form !== 'veracode') h.form = form;
    hmac.push(h);
    return h;
  };

  // The fixed demo accounts come first.
  const admin = apiAccount('vcreds-admin', ['adminapi', 'resultsapi', 'uploadapi']);
  const member = human(['extcreator', 'extsubmitter', 'extreviewer']);
  users.push(admin, member);
  pair(admin.user_id, now + 300 * DAY_MS, null, undefined, demo.adminId, demo.adminSecret);
  pair(member.user_id, now + 200 * DAY_MS, null, undefined, demo.memberId, demo.memberSecret);
  const demoClient: DbClient = {
    client_id: uuidFromHex(derivedHex(seed, 'oauth-client-id', 32)), user_id: admin.user_id, name: 'vcreds-demo',
    description: 'The demo OAuth client printed by vcreds emulator', roles: [...admin.roles],
    created: now - 30 * DAY_MS, expiration: now + 330 * DAY_MS, revoked: null,
    secrets: [{ secret_id: uuidFromHex(derivedHex(seed, 'oauth-secret-id', 32)), hash: hashSecret(demo.oauthSecret), created: now - 30 * DAY_MS, expiration: now + 330 * DAY_MS, retired: null }],
  };
  clients.push(demoClient);

  let apiSerial = 1;
  for (let j = 0; users.length < total; j++) {
    const isApi = j % 3 === 2;
    const user = isApi
      ? apiAccount(`${rng.pick(API_ACCOUNT_STEMS)}-${apiSerial++}`, rng.chance(0.06) ? ['adminapi', ...rng.subset(API_ROLE_NAMES.slice(1), 2)] : rng.subset(API_ROLE_NAMES.slice(1), 3))
      : human(rng.chance(0.08) ? ['extadmin', ...rng.subset(HUMAN_ROLE_NAMES.slice(1), 2)] : rng.subset(HUMAN_ROLE_NAMES.slice(1), 3));
    users.push(user);
    seedHmac(rng, j, user.user_id, now, pair);
    if (j % 3 === 1) {
      const count = rng.chance(0.15) ? 2 : 1;
      for (let k = 0; k < count; k++) clients.push(seedClient(rng, clients.length - 1, user, now, k));
    }
  }
  return {
    version: 1, seed, users, hmac, clients,
    demo: { adminUserId: admin.user_id, memberUserId: member.user_id, adminOAuthClientId: demoClient.client_id, adminOAuthSecret: demo.oauthSecret },
  };
}

function seedHmac(
  rng: Rng, j: number, userId: string, now: number,
  pair: (userId: string, expiration: number, revoked: number | null, form?: TsForm) => DbHmac,
): void {
  const state = HMAC_FIRST[j] ?? weighted<HmacState>(rng, [
    ['active', 0.5], ['expiring7', 0.08], ['expiring1', 0.04], ['expired', 0.12], ['revoked', 0.08], ['none', 0.12], ['rotated', 0.06],
  ]);
  // A couple of records in each of the other two forms, so clients must parse all three.
  const form: TsForm | undefined = j === 0 || j === 3 ? 'rfc3339' : j === 1 ? 'utc' : rng.chance(0.02) ? 'rfc3339' : undefined;
  switch (state) {
    case 'active': pair(userId, now + rng.between(30, 330) * DAY_MS, null, form); break;
    case 'expiring7': pair(userId, now + rng.between(2, 6.5) * DAY_MS, null, form); break;
    case 'expiring1': pair(userId, now + rng.between(2, 22) * HOUR_MS, null, form); break;
    case 'expired': pair(userId, now - rng.between(1, 200) * DAY_MS, null, form); break;
    case 'revoked': pair(userId, now + rng.between(10, 300) * DAY_MS, now - rng.between(1, 90) * DAY_MS, form); break;
    case 'rotated': {
      // An older pair revoked when the current one was generated.
      const current = now + rng.between(200, 360) * DAY_MS;
      const created = current - HMAC_TTL_DAYS * DAY_MS;
      pair(userId, created + 100 * DAY_MS, created);
      pair(userId, current, null, form);
      break;
    }
    case 'none': break;
  }
}

function seedClient(rng: Rng, index: number, owner: DbUser, now: number, k: number): DbClient {
  const state = CLIENT_FIRST[index] ?? weighted<ClientState>(rng, [['one', 0.6], ['two', 0.2], ['revoked', 0.07], ['expired', 0.07], ['expiring', 0.06]]);
  const purposes = rng.subset(CLIENT_PURPOSES, 2);
  const name = `${purposes[k] ?? purposes[0]}${k > 0 && !purposes[k] ? ` ${k + 1}` : ''}`;
  const expiration =
    state === 'expired' ? now - rng.between(1, 60) * DAY_MS
    : state === 'expiring' ? now + rng.between(0.3, 6) * DAY_MS
    : now + rng.between(20, 300) * DAY_MS;
  const created = Math.min(now - DAY_MS, expiration - rng.between(30, 200) * DAY_MS);
  const secret = (createdAt: number) => ({
    secret_id: rng.uuid(), hash: hashSecret(rng.hex(64)), created: createdAt, expiration, retired: null,
  });
  const secrets = [secret(created)];
  if (state === 'two') secrets.push(secret(now - rng.between(1, 20) * DAY_MS));
  return {
    client_id: rng.uuid(), user_id: owner.user_id, name,
    description: rng.chance(0.3) ? '' : `${name} for ${owner.user_name}`,
    roles: rng.subset(owner.roles), created, expiration,
    revoked: state === 'revoked' ? now - rng.between(1, 30) * DAY_MS : null, secrets,
  };
}
