// gitlab:GROUP/PROJECT[@SCOPE] — CI/CD project variables through GitLab's REST API (v4): each
// variable updated (PUT), or created (POST) when it does not exist yet, masked and protected as
// the binding says (default masked, not protected), for the environment scope given (default *).
// Proof: each variable read back. GITLAB_TOKEN; GITLAB_URL for self-managed (default gitlab.com).
import { namesFor, type Target } from './descriptor.js';
import { baseUrlOf, envOf, httpFailure, httpRequest, join } from './http.js';
import { TargetError, type DeliverContext, type TargetDriver } from './types.js';

type GitLabTarget = Extract<Target, { kind: 'gitlab' }>;

const LABEL = 'GitLab';

function connection(ctx: DeliverContext): { base: URL; token: string } {
  const token = envOf(ctx.env, 'GITLAB_TOKEN');
  if (!token) throw new TargetError('no GitLab token: set GITLAB_TOKEN (a token with the api scope, Maintainer on the project)');
  return { base: baseUrlOf(envOf(ctx.env, 'GITLAB_URL') ?? 'https://gitlab.com', 'GITLAB_URL'), token };
}

/** The variables collection of the project (pure). */
export function variablesPath(t: GitLabTarget): string {
  return `/api/v4/projects/${encodeURIComponent(t.project)}/variables`;
}

function variableUrl(base: URL, t: GitLabTarget, key: string): URL {
  const u = join(base, `${variablesPath(t)}/${encodeURIComponent(key)}`);
  u.searchParams.set('filter[environment_scope]', t.scope ?? '*');
  return u;
}

export const gitlabDriver: TargetDriver<GitLabTarget> = {
  async deliver(payload, target, binding, ctx) {
    const { base, token } = connection(ctx);
    const names = namesFor(payload.kind, binding);
    const secrets = [token, payload.secret];
    const headers = { 'private-token': token, accept: 'application/json' };
    const scope = target.scope ?? '*';
    const masked = binding.masked ?? true;
    const isProtected = binding.protected ?? false;
    for (const [key, value] of [[names.id, payload.id], [names.value, payload.secret]] as const) {
      const fields = { value, masked, protected: isProtected, environment_scope: scope, variable_type: 'env_var' };
      const put = await httpRequest({ method: 'PUT', url: variableUrl(base, target, key), headers, json: fields, idempotent: true, conceal: secrets }, ctx, LABEL);
      if (put.status === 200) continue;
      if (put.status !== 404) throw httpFailure(LABEL, `update ${key}`, put, secrets);
      // Not there yet: create it. A create is not repeated if its answer is lost.
      const post = await httpRequest({ method: 'POST', url: join(base, variablesPath(target)), headers, json: { key, ...fields }, idempotent: false, conceal: secrets }, ctx, LABEL);
      if (post.status !== 201) throw httpFailure(LABEL, `create ${key}`, post, secrets, { 404: 'no such project, or not visible to this token' });
    }
    const wrong: string[] = [];
    for (const [key, value] of [[names.id, payload.id], [names.value, payload.secret]] as const) {
      const a = await httpRequest({ method: 'GET', url: variableUrl(base, target, key), headers, idempotent: true, conceal: secrets }, ctx, LABEL);
      if (a.status !== 200 || (a.body as { value?: unknown } | undefined)?.value !== value) wrong.push(key);
    }
    return wrong.length
      ? { proven: false, detail: `${names.id}/${names.value} sent; ${wrong.join(', ')} did not read back as written` }
      : { proven: true, detail: `${names.id}/${names.value} (scope ${scope}${masked ? ', masked' : ''}${isProtected ? ', protected' : ''}) stored and read back` };
  },
  async test(target, _binding, _kind, ctx) {
    try {
      const { base, token } = connection(ctx);
      const u = join(base, variablesPath(target));
      u.searchParams.set('per_page', '1');
      const a = await httpRequest({ method: 'GET', url: u, headers: { 'private-token': token, accept: 'application/json' }, idempotent: true, conceal: [token] }, ctx, LABEL);
      if (a.status !== 200) throw httpFailure(LABEL, 'list the project variables', a, [token], { 403: 'the token needs the api scope and Maintainer on the project' });
      return { ok: true, detail: `the project's variables can be read and managed (${target.project})` };
    } catch (err) {
      return { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  },
};
