// The organisation in memory, indexed so that every lookup is O(1) and a page is O(page).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DbClient, DbHmac, DbSecret, DbUser, StoreData } from './store-types.js';
import { DAY_MS } from './time.js';

export const HMAC_TTL_DAYS = 365;
/** Veracode revokes the previous HMAC pair 24 hours after a new one is generated. */
export const DEFAULT_RENEWAL_GRACE_HOURS = 24;
const HOUR_MS = 3_600_000;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Works now: not (yet) revoked and not expired. A superseded pair works until its revocation time. */
export function isLiveHmac(h: DbHmac, now: number): boolean {
  return (h.revoked === null || h.revoked > now) && h.expiration > now;
}

export function isLiveSecret(s: DbSecret, now: number): boolean {
  return s.retired === null && s.expiration > now;
}

export class Store {
  readonly usersById = new Map<string, DbUser>();
  readonly usersByName = new Map<string, DbUser>();
  readonly hmacById = new Map<string, DbHmac>();
  /** Each user's pairs, oldest first: the last one is the current or most recent. */
  readonly hmacByUser = new Map<string, DbHmac[]>();
  readonly clientsById = new Map<string, DbClient>();
  readonly clientsByUser = new Map<string, DbClient[]>();

  constructor(
    readonly data: StoreData,
    private readonly onChange: () => void = () => {},
    /** How long a superseded pair keeps working (see EmulatorOptions.renewalGraceHours). */
    private readonly renewalGraceMs = DEFAULT_RENEWAL_GRACE_HOURS * HOUR_MS,
  ) {
    for (const u of data.users) {
      this.usersById.set(u.user_id, u);
      this.usersByName.set(u.user_name.toLowerCase(), u);
    }
    for (const h of data.hmac) this.indexHmac(h);
    for (const c of data.clients) this.indexClient(c);
  }

  get users(): DbUser[] {
    return this.data.users;
  }

  get clients(): DbClient[] {
    return this.data.clients;
  }

  private indexHmac(h: DbHmac): void {
    this.hmacById.set(h.api_id, h);
    const list = this.hmacByUser.get(h.user_id);
    if (list) list.push(h);
    else this.hmacByUser.set(h.user_id, [h]);
  }

  private indexClient(c: DbClient): void {
    this.clientsById.set(c.client_id, c);
    const list = this.clientsByUser.get(c.user_id);
    if (list) list.push(c);
    else this.clientsByUser.set(c.user_id, [c]);
  }

  /** The user's current pair, or the most recent one once it is revoked or expired. */
  latestHmac(userId: string): DbHmac | undefined {
    const list = this.hmacByUser.get(userId);
    return list?.[list.length - 1];
  }

  /**
   * Generates a new pair. The owner's previous pairs are superseded: each is revoked once the
   * renewal grace is over (a revocation time in the future), and keeps working until then. A pair
   * already due earlier keeps its earlier time.
   */
  generateHmac(userId: string, now: number, by: string): { hmac: DbHmac; secret: string } {
    const until = now + this.renewalGraceMs;
    for (const old of this.hmacByUser.get(userId) ?? []) {
      if (old.revoked === null || old.revoked > until) {
        old.revoked = until;
        old.revoked_by = by;
      }
    }
    const secret = randomBytes(64).toString('hex');
    const hmac: DbHmac = {
      api_id: randomBytes(16).toString('hex'),
      user_id: userId,
      secret,
      created: now,
      expiration: now + HMAC_TTL_DAYS * DAY_MS,
      revoked: null,
      revoked_by: null,
    };
    this.data.hmac.push(hmac);
    this.indexHmac(hmac);
    this.onChange();
    return { hmac, secret };
  }

  /** Revokes now; a superseded pair still in its grace is revoked now too. */
  revokeHmac(h: DbHmac, now: number, by: string): void {
    if (h.revoked !== null && h.revoked <= now) return;
    h.revoked = now;
    h.revoked_by = by;
    this.onChange();
  }

  createClient(
    input: { userId: string; name: string; description: string; roles: string[]; expiration: number },
    now: number,
  ): { client: DbClient; secret: DbSecret; clientSecret: string } {
    const client: DbClient = {
      client_id: randomUUID(),
      user_id: input.userId,
      name: input.name,
      description: input.description,
      roles: input.roles,
      created: now,
      expiration: input.expiration,
      revoked: null,
      secrets: [],
    };
    this.data.clients.push(client);
    this.indexClient(client);
    const { secret, clientSecret } = this.addSecretQuietly(client, now, input.expiration);
    this.onChange();
    return { client, secret, clientSecret };
  }

  addSecret(client: DbClient, now: number, expiration: number): { secret: DbSecret; clientSecret: string } {
    const made = this.addSecretQuietly(client, now, expiration);
    this.onChange();
    return made;
  }

  private addSecretQuietly(client: DbClient, now: number, expiration: number): { secret: DbSecret; clientSecret: string } {
    const clientSecret = randomBytes(32).toString('hex');
    const secret: DbSecret = { secret_id: randomUUID(), hash: hashSecret(clientSecret), created: now, expiration, retired: null };
    client.secrets.push(secret);
    return { secret, clientSecret };
  }

  retireSecret(secret: DbSecret, now: number): void {
    secret.retired = now;
    this.onChange();
  }

  revokeClient(client: DbClient, now: number): void {
    if (client.revoked !== null) return;
    client.revoked = now;
    this.onChange();
  }

  /** A record changed in place (e.g. the demo keys were renewed). */
  touch(): void {
    this.onChange();
  }
}
