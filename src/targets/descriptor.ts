// Target descriptors: the text a user writes (`dotenv:./.env`, `github:acme/api@prod`) and the
// structured form delivery works from. Pure: parsing, formatting, default names.
export type Target =
  | { kind: 'profile'; name: string }
  | { kind: 'dotenv'; path: string }
  | { kind: 'exec'; command: string }
  | { kind: 'github'; scope: 'repo'; owner: string; repo: string }
  | { kind: 'github'; scope: 'environment'; owner: string; repo: string; environment: string }
  | { kind: 'github'; scope: 'org'; org: string }
  | { kind: 'gitlab'; project: string; scope: string | null }
  | { kind: 'vault'; mount: string; path: string };

export type TargetKind = Target['kind'];

export const TARGET_FORMS = [
  'profile:NAME',
  'dotenv:PATH',
  'exec:COMMAND',
  'github:OWNER/REPO',
  'github:OWNER/REPO@ENVIRONMENT',
  'github:org/ORG',
  'gitlab:GROUP/PROJECT[@SCOPE]',
  'vault:MOUNT/PATH',
] as const;

export class TargetSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetSyntaxError';
  }
}

// GitHub: owner/org names are alphanumerics and dashes; repository names also allow . and _.
const GH_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GH_REPO = /^[A-Za-z0-9._-]{1,100}$/;
const GH_ENV = /^[^\u0000-\u001f/]{1,255}$/;
const GL_SEGMENT = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/;
const VAULT_SEGMENT = /^[A-Za-z0-9_.@+-][A-Za-z0-9_.@+ -]*$/;
const PROFILE = /^[^\][\u0000-\u001f]{1,64}$/;

function bad(text: string, why: string): never {
  throw new TargetSyntaxError(`"${text}" is not a target: ${why} (forms: ${TARGET_FORMS.join(', ')})`);
}

export function parseTarget(text: string): Target {
  const raw = text.trim();
  const colon = raw.indexOf(':');
  if (colon <= 0) bad(raw, 'no KIND: prefix');
  const kind = raw.slice(0, colon).toLowerCase();
  const rest = raw.slice(colon + 1);
  if (!rest.trim()) bad(raw, 'nothing after the colon');
  switch (kind) {
    case 'profile':
      if (!PROFILE.test(rest)) bad(raw, 'a profile name is 1 to 64 characters without brackets or control characters');
      return { kind: 'profile', name: rest };
    case 'dotenv':
      if (/[\u0000]/.test(rest)) bad(raw, 'a path cannot hold a NUL');
      return { kind: 'dotenv', path: rest };
    case 'exec':
      return { kind: 'exec', command: rest.trim() };
    case 'github': {
      const [path, env, extra] = rest.split('@');
      if (extra !== undefined) bad(raw, 'at most one @ENVIRONMENT');
      const parts = path!.split('/');
      if (parts.length !== 2) bad(raw, 'GitHub targets are OWNER/REPO, OWNER/REPO@ENVIRONMENT or org/ORG');
      const [a, b] = parts as [string, string];
      if (a.toLowerCase() === 'org' && env === undefined) {
        if (!GH_OWNER.test(b)) bad(raw, `"${b}" is not a GitHub organisation name`);
        return { kind: 'github', scope: 'org', org: b };
      }
      if (!GH_OWNER.test(a)) bad(raw, `"${a}" is not a GitHub owner name`);
      if (!GH_REPO.test(b) || b === '.' || b === '..') bad(raw, `"${b}" is not a GitHub repository name`);
      if (env === undefined) return { kind: 'github', scope: 'repo', owner: a, repo: b };
      if (!GH_ENV.test(env)) bad(raw, 'an environment name is 1 to 255 characters without / or control characters');
      return { kind: 'github', scope: 'environment', owner: a, repo: b, environment: env };
    }
    case 'gitlab': {
      const at = rest.indexOf('@');
      const project = at < 0 ? rest : rest.slice(0, at);
      const scope = at < 0 ? null : rest.slice(at + 1);
      const segs = project.split('/');
      if (segs.length < 2 || !segs.every((s) => GL_SEGMENT.test(s))) bad(raw, 'GitLab targets are GROUP/PROJECT (subgroups allowed), optionally @SCOPE');
      if (scope !== null && (!scope || /[\u0000-\u001f]/.test(scope) || scope.length > 255)) bad(raw, 'an environment scope is 1 to 255 characters');
      return { kind: 'gitlab', project, scope };
    }
    case 'vault': {
      const segs = rest.replace(/^\/+|\/+$/g, '').split('/');
      if (segs.length < 2 || !segs.every((s) => VAULT_SEGMENT.test(s) && s !== '.' && s !== '..')) bad(raw, 'Vault targets are MOUNT/PATH of a KV v2 engine, e.g. vault:secret/ci/veracode');
      return { kind: 'vault', mount: segs[0]!, path: segs.slice(1).join('/') };
    }
    default:
      return bad(raw, `unknown kind "${kind}"`);
  }
}

/** The canonical text of a target (what is stored and shown). */
export function formatTarget(t: Target): string {
  switch (t.kind) {
    case 'profile': return `profile:${t.name}`;
    case 'dotenv': return `dotenv:${t.path}`;
    case 'exec': return `exec:${t.command}`;
    case 'github':
      if (t.scope === 'org') return `github:org/${t.org}`;
      return t.scope === 'environment' ? `github:${t.owner}/${t.repo}@${t.environment}` : `github:${t.owner}/${t.repo}`;
    case 'gitlab': return `gitlab:${t.project}${t.scope !== null ? `@${t.scope}` : ''}`;
    case 'vault': return `vault:${t.mount}/${t.path}`;
  }
}

export type CredentialKind = 'hmac' | 'oauth';

/** The names a credential's id and secret are delivered under, by kind (as Veracode's tools read them). */
export const DEFAULT_NAMES: Record<CredentialKind, { id: string; value: string }> = {
  hmac: { id: 'VERACODE_API_KEY_ID', value: 'VERACODE_API_KEY_SECRET' },
  oauth: { id: 'VERACODE_OAUTH_CLIENT_ID', value: 'VERACODE_OAUTH_CLIENT_SECRET' },
};

export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * `--name KEY=NAME`: KEY is `id` or `secret` (or one of the default names, which say the same).
 * Returns which of the two it sets.
 */
export function parseNameOption(text: string): { which: 'id' | 'value'; name: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new TargetSyntaxError(`--name "${text}": expected KEY=NAME, KEY being id or secret (e.g. --name secret=VC_SECRET)`);
  const key = text.slice(0, eq).trim();
  const name = text.slice(eq + 1).trim();
  let which: 'id' | 'value';
  if (/^id$/i.test(key) || key === DEFAULT_NAMES.hmac.id || key === DEFAULT_NAMES.oauth.id) which = 'id';
  else if (/^secret$/i.test(key) || key === DEFAULT_NAMES.hmac.value || key === DEFAULT_NAMES.oauth.value) which = 'value';
  else throw new TargetSyntaxError(`--name "${text}": KEY must be id or secret`);
  if (!NAME_PATTERN.test(name)) throw new TargetSyntaxError(`--name "${text}": a name is letters, digits and _, not starting with a digit`);
  return { which, name };
}

/** The names to deliver under for a binding of a credential of `kind`. */
export function namesFor(kind: CredentialKind, b: { idName?: string; valueName?: string }): { id: string; value: string } {
  return { id: b.idName ?? DEFAULT_NAMES[kind].id, value: b.valueName ?? DEFAULT_NAMES[kind].value };
}

/** Whether a target of this form can hold a credential of this kind (the credentials file holds only HMAC pairs). */
export function kindRefusal(t: Target, kind: CredentialKind): string | null {
  if (t.kind === 'profile' && kind === 'oauth') return 'the credentials file holds HMAC pairs only; deliver an OAuth client to dotenv:, exec:, github:, gitlab: or vault:';
  return null;
}
