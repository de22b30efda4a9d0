// vault:MOUNT/PATH — a new version of a KV v2 secret through Vault's HTTP API: the current
// version read (its other keys are kept), the new version written with check-and-set on the
// version read (a concurrent writer makes it fail rather than be overwritten), then that version
// read back. VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE (Vault Enterprise / HCP).
import { namesFor, type Target } from './descriptor.js';
import { baseUrlOf, envOf, httpFailure, httpRequest, join } from './http.js';
import { TargetError, type DeliverContext, type TargetDriver } from './types.js';

type VaultTarget = Extract<Target, { kind: 'vault' }>;

const LABEL = 'Vault';

function connection(ctx: DeliverContext): { base: URL; token: string; headers: Record<string, string> } {
  const token = envOf(ctx.env, 'VAULT_TOKEN');
  const addr = envOf(ctx.env, 'VAULT_ADDR');
  if (!addr) throw new TargetError('no Vault address: set VAULT_ADDR');
  if (!token) throw new TargetError('no Vault token: set VAULT_TOKEN');
  const ns = envOf(ctx.env, 'VAULT_NAMESPACE');
  return { base: baseUrlOf(addr, 'VAULT_ADDR'), token, headers: { 'x-vault-token': token, ...(ns ? { 'x-vault-namespace': ns } : {}) } };
}

const seg = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** The KV v2 data path (pure). */
export function dataPath(t: VaultTarget): string {
  return `/v1/${seg(t.mount)}/data/${seg(t.path)}`;
}

const HINTS = { 403: 'the token has no policy allowing it on this path', 400: 'is the mount a KV version 2 engine?', 404: 'no such mount, or not a KV version 2 engine' };

export const vaultDriver: TargetDriver<VaultTarget> = {
  async deliver(payload, target, binding, ctx) {
    const { base, token, headers } = connection(ctx);
    const names = namesFor(payload.kind, binding);
    const secrets = [token, payload.secret];
    const read = await httpRequest({ method: 'GET', url: join(base, dataPath(target)), headers, idempotent: true, conceal: secrets }, ctx, LABEL);
    let version = 0;
    let data: Record<string, unknown> = {};
    if (read.status === 200) {
      const d = (read.body as { data?: { data?: unknown; metadata?: { version?: unknown } } } | undefined)?.data;
      if (d?.data && typeof d.data === 'object') data = d.data as Record<string, unknown>;
      if (typeof d?.metadata?.version === 'number') version = d.metadata.version;
    } else if (read.status !== 404) {
      throw httpFailure(LABEL, `read ${target.mount}/${target.path}`, read, secrets, HINTS);
    }
    // Every field of the current version kept (it may be someone else's), ours replaced.
    const next = { ...data, [names.id]: payload.id, [names.value]: payload.secret };
    const write = await httpRequest({ method: 'POST', url: join(base, dataPath(target)), headers, json: { options: { cas: version }, data: next }, idempotent: false, conceal: [...secrets, ...Object.values(data).filter((v): v is string => typeof v === 'string')] }, ctx, LABEL);
    if (write.status !== 200 && write.status !== 204) {
      throw httpFailure(LABEL, `write ${target.mount}/${target.path}`, write, secrets, { ...HINTS, 400: 'check-and-set failed (written meanwhile by someone else?) or not a KV version 2 engine' });
    }
    const written = (write.body as { data?: { version?: unknown } } | undefined)?.data?.version;
    const v = typeof written === 'number' ? written : version + 1;
    const url = join(base, dataPath(target));
    url.searchParams.set('version', String(v));
    const back = await httpRequest({ method: 'GET', url, headers, idempotent: true, conceal: secrets }, ctx, LABEL);
    const got = (back.body as { data?: { data?: Record<string, unknown> } } | undefined)?.data?.data;
    const proven = back.status === 200 && got?.[names.id] === payload.id && got?.[names.value] === payload.secret;
    return { proven, detail: proven ? `version ${v} of ${target.mount}/${target.path} written and read back` : `version ${v} written; it did not read back as written` };
  },
  async test(target, _binding, _kind, ctx) {
    try {
      const { base, token, headers } = connection(ctx);
      const path = `${target.mount}/data/${target.path}`;
      const a = await httpRequest({ method: 'POST', url: join(base, '/v1/sys/capabilities-self'), headers, json: { paths: [path] }, idempotent: true, conceal: [token] }, ctx, LABEL);
      if (a.status !== 200) throw httpFailure(LABEL, 'tell the token\'s capabilities', a, [token]);
      const b = a.body as Record<string, unknown> | undefined;
      const caps = (Array.isArray(b?.[path]) ? b![path] : Array.isArray(b?.capabilities) ? b!.capabilities : []) as unknown[];
      const ok = caps.includes('root') || (caps.includes('create') && caps.includes('update'));
      return ok ? { ok: true, detail: `the token may write ${path} (${caps.join(', ')})` } : { ok: false, detail: `the token may not write ${path} (capabilities: ${caps.join(', ') || 'none'}; needs create and update)` };
    } catch (err) {
      return { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  },
};
