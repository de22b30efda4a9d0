// How records look on the wire: Identity API field names, and the assumed OAuth-client contract's.
import { ROLE_BY_NAME } from './roles.js';
import type { Store } from './store.js';
import type { DbClient, DbHmac, DbUser } from './store-types.js';
import { formatTs } from './time.js';

export const BASE = '/api/authn/v2';

export function roleJson(name: string): Record<string, unknown> {
  const r = ROLE_BY_NAME.get(name);
  return r
    ? { role_id: r.role_id, role_name: r.role_name, role_description: r.role_description, is_api: r.is_api }
    : { role_name: name, role_description: name };
}

/**
 * A superseded pair carries its coming revocation as `revocation_ts` in the future: until then it
 * still works. (How Veracode marks that time is not documented; this is the emulator's choice,
 * and vcreds reads a future revocation_ts the same way.)
 */
export function hmacJson(h: DbHmac): Record<string, unknown> {
  const out: Record<string, unknown> = { api_id: h.api_id, expiration_ts: formatTs(h.expiration, h.form) };
  if (h.revoked !== null) {
    out.revocation_ts = formatTs(h.revoked, h.form);
    if (h.revoked_by) out.revocation_user = h.revoked_by;
  }
  return out;
}

export interface UserRender {
  detailed: boolean;
  withCredentials: boolean;
  /** A bearer token's down-scoped roles stand in for the user's own. */
  roles?: string[];
}

export function userJson(store: Store, u: DbUser, how: UserRender): Record<string, unknown> {
  const out: Record<string, unknown> = {
    user_id: u.user_id,
    user_name: u.user_name,
    email_address: u.email_address,
    first_name: u.first_name,
    last_name: u.last_name,
    login_enabled: u.login_enabled,
    saml_user: u.saml_user,
  };
  if (how.detailed) {
    out.account_type = u.account_type;
    out.roles = (how.roles ?? u.roles).map(roleJson);
    out.teams = u.teams.map((t) => ({ team_id: t.team_id, team_name: t.team_name }));
    const h = how.withCredentials ? store.latestHmac(u.user_id) : undefined;
    if (h) out.api_credentials = hmacJson(h);
  }
  out._links = { self: { href: `${BASE}/users/${u.user_id}` } };
  return out;
}

export function clientJson(store: Store, c: DbClient): Record<string, unknown> {
  const owner = store.usersById.get(c.user_id);
  return {
    client_id: c.client_id,
    name: c.name,
    description: c.description,
    user_id: c.user_id,
    user_name: owner?.user_name ?? null,
    account_type: owner?.account_type ?? null,
    roles: c.roles.map((name) => {
      const r = roleJson(name);
      return { role_name: r.role_name, role_description: r.role_description };
    }),
    created_ts: formatTs(c.created),
    expiration_ts: formatTs(c.expiration),
    revocation_ts: c.revoked === null ? null : formatTs(c.revoked),
    secrets: c.secrets
      .filter((s) => s.retired === null)
      .map((s) => ({ secret_id: s.secret_id, created_ts: formatTs(s.created), expiration_ts: formatTs(s.expiration) })),
    _links: { self: { href: `${BASE}/oauth_clients/${c.client_id}` } },
  };
}
