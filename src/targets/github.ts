// github:OWNER/REPO, github:OWNER/REPO@ENVIRONMENT, github:org/ORG — Actions secrets through
// GitHub's REST API: the public key read, each value sealed to it (github-seal.ts), PUT; then each
// secret read back, whose `updated_at` proves the write (GitHub never returns a value).
// GH_TOKEN or GITHUB_TOKEN; GITHUB_API_URL for GitHub Enterprise Server (default api.github.com).
import type { TargetBinding } from '../config/preferences-types.js';
import { namesFor, type Target } from './descriptor.js';
import { sealForGitHub } from './github-seal.js';
import { baseUrlOf, envOf, httpFailure, httpRequest, join, type HttpAnswer } from './http.js';
import { TargetError, type DeliverContext, type TargetDriver } from './types.js';

type GitHubTarget = Extract<Target, { kind: 'github' }>;

const LABEL = 'GitHub';

/** The API path of the target's secrets collection (pure). */
export function secretsPath(t: GitHubTarget): string {
  const e = encodeURIComponent;
  if (t.scope === 'org') return `/orgs/${e(t.org)}/actions/secrets`;
  if (t.scope === 'environment') return `/repos/${e(t.owner)}/${e(t.repo)}/environments/${e(t.environment)}/secrets`;
  return `/repos/${e(t.owner)}/${e(t.repo)}/actions/secrets`;
}

function connection(ctx: DeliverContext): { base: URL; token: string } {
  const token = envOf(ctx.env, 'GH_TOKEN', 'GITHUB_TOKEN');
  if (!token) throw new TargetError('no GitHub token: set GH_TOKEN or GITHUB_TOKEN (a token allowed to write Actions secrets)');
  return { base: baseUrlOf(envOf(ctx.env, 'GITHUB_API_URL') ?? 'https://api.github.com', 'GITHUB_API_URL'), token };
}

function headers(token: string): Record<string, string> {
  return { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' };
}

async function publicKey(t: GitHubTarget, ctx: DeliverContext, base: URL, token: string): Promise<{ keyId: string; key: string }> {
  const a = await httpRequest({ method: 'GET', url: join(base, `${secretsPath(t)}/public-key`), headers: headers(token), idempotent: true, conceal: [token] }, ctx, LABEL);
  if (a.status !== 200) throw httpFailure(LABEL, 'give the public key', a, [token]);
  const b = a.body as { key_id?: unknown; key?: unknown } | undefined;
  if (typeof b?.key_id !== 'string' || typeof b?.key !== 'string') throw new TargetError('GitHub answered the public key without key_id and key');
  return { keyId: b.key_id, key: b.key };
}

async function readSecret(t: GitHubTarget, name: string, ctx: DeliverContext, base: URL, token: string): Promise<HttpAnswer> {
  return httpRequest({ method: 'GET', url: join(base, `${secretsPath(t)}/${encodeURIComponent(name)}`), headers: headers(token), idempotent: true, conceal: [token] }, ctx, LABEL);
}

export const githubDriver: TargetDriver<GitHubTarget> = {
  async deliver(payload, target, binding: TargetBinding, ctx) {
    const { base, token } = connection(ctx);
    const names = namesFor(payload.kind, binding);
    const key = await publicKey(target, ctx, base, token);
    const started = ctx.now();
    const secrets = [token, payload.secret];
    for (const [name, value] of [[names.id, payload.id], [names.value, payload.secret]] as const) {
      let sealed: string;
      try {
        sealed = await sealForGitHub(value, key.key);
      } catch (err) {
        throw new TargetError(`${name} was not sent: ${err instanceof Error ? err.message : String(err)}`);
      }
      const body: Record<string, unknown> = { encrypted_value: sealed, key_id: key.keyId };
      if (target.scope === 'org') {
        // Keep who can see an existing organisation secret; a new one is private repositories only.
        const existing = await readSecret(target, name, ctx, base, token);
        const vis = (existing.body as { visibility?: unknown } | undefined)?.visibility;
        body.visibility = existing.status === 200 && typeof vis === 'string' ? vis : 'private';
      }
      // A PUT of the whole value: repeating it is harmless.
      const a = await httpRequest({ method: 'PUT', url: join(base, `${secretsPath(target)}/${encodeURIComponent(name)}`), headers: headers(token), json: body, idempotent: true, conceal: secrets }, ctx, LABEL);
      if (a.status !== 201 && a.status !== 204) throw httpFailure(LABEL, `store ${name}`, a, secrets);
    }
    // Proof: GitHub says when each secret was last updated.
    const stale: string[] = [];
    for (const name of [names.id, names.value]) {
      const a = await readSecret(target, name, ctx, base, token);
      const at = Date.parse(String((a.body as { updated_at?: unknown } | undefined)?.updated_at ?? ''));
      // GitHub's clock and ours may differ a little.
      if (a.status !== 200 || Number.isNaN(at) || at < started - 120_000) stale.push(name);
    }
    return stale.length
      ? { proven: false, detail: `${names.id}/${names.value} sent; GitHub does not report ${stale.join(', ')} as updated just now` }
      : { proven: true, detail: `${names.id}/${names.value} sealed and stored; GitHub reports both updated now` };
  },
  async test(target, _binding, _kind, ctx) {
    let conn;
    try {
      conn = connection(ctx);
      const k = await publicKey(target, ctx, conn.base, conn.token);
      return { ok: true, detail: `the public key (${k.keyId}) can be read` };
    } catch (err) {
      return { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  },
};
