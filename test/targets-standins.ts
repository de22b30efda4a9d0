// Loopback stand-ins of GitHub's Actions secrets API, GitLab's project variables API and Vault's
// KV v2 API, for the targets suites: real HTTP, token checks, a 403 and a 5xx mode. The GitHub one
// holds a real key pair and opens each sealed value with crypto_box_seal_open. Not a suite itself.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import sodium from 'libsodium-wrappers';

/** echo (GitLab and Vault): a write of a secret is refused with a message quoting it and the token back. */
export type Mode = 'ok' | '403' | '500' | 'echo';

export interface StandIn {
  url: string;
  mode: Mode;
  /** Every request seen: method, path, and the headers that carry tokens. */
  requests: { method: string; path: string; auth: string | undefined }[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function send(res: ServerResponse, status: number, value?: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(value === undefined ? '' : JSON.stringify(value));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address() as { port: number };
  return `http://127.0.0.1:${a.port}`;
}

function closer(server: Server) {
  return () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
}

export interface GitHubStandIn extends StandIn {
  /** Decrypted values by scope path and name, e.g. `repos/acme/api` → {NAME: value}. */
  secrets: Map<string, Map<string, { value: string; updatedAt: string; visibility?: string }>>;
  value(scope: string, name: string): string | undefined;
}

export async function githubStandIn(token: string): Promise<GitHubStandIn> {
  await sodium.ready;
  const keys = sodium.crypto_box_keypair();
  const keyId = '568250167242549743';
  const secrets: GitHubStandIn['secrets'] = new Map();
  const state: { mode: Mode } = { mode: 'ok' };
  const requests: StandIn['requests'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push({ method: req.method!, path: url.pathname, auth: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { message: 'Bad credentials' });
    if (req.headers['x-github-api-version'] !== '2022-11-28') return send(res, 400, { message: 'no api version' });
    if (state.mode === '403') return send(res, 403, { message: 'Resource not accessible by personal access token' });
    if (state.mode === '500') return send(res, 500, { message: 'Server Error' });
    const m = /^\/api\/v3\/(repos\/[^/]+\/[^/]+(?:\/environments\/[^/]+)?|orgs\/[^/]+)\/(?:actions\/)?secrets\/([^/]+)$/.exec(url.pathname);
    if (!m) return send(res, 404, { message: 'Not Found' });
    const scope = decodeURIComponent(m[1]!);
    const name = decodeURIComponent(m[2]!);
    if (name === 'public-key' && req.method === 'GET') return send(res, 200, { key_id: keyId, key: sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL) });
    const store = secrets.get(scope) ?? new Map();
    secrets.set(scope, store);
    if (req.method === 'GET') {
      const s = store.get(name);
      return s ? send(res, 200, { name, created_at: s.updatedAt, updated_at: s.updatedAt, visibility: s.visibility }) : send(res, 404, { message: 'Not Found' });
    }
    if (req.method === 'PUT') {
      const b = await body(req);
      if (b.key_id !== keyId) return send(res, 422, { message: 'bad key_id' });
      if (scope.startsWith('orgs/') && !b.visibility) return send(res, 422, { message: 'visibility required' });
      let value: string;
      try {
        value = sodium.to_string(sodium.crypto_box_seal_open(sodium.from_base64(b.encrypted_value, sodium.base64_variants.ORIGINAL), keys.publicKey, keys.privateKey));
      } catch {
        return send(res, 422, { message: 'could not decrypt' });
      }
      const existed = store.has(name);
      store.set(name, { value, updatedAt: new Date().toISOString(), visibility: b.visibility });
      return send(res, existed ? 204 : 201, existed ? undefined : {});
    }
    send(res, 405, { message: 'no' });
  });
  const url = `${await listen(server)}/api/v3`;
  return {
    url, requests, secrets,
    get mode() { return state.mode; },
    set mode(m: Mode) { state.mode = m; },
    value: (scope, name) => secrets.get(scope)?.get(name)?.value,
    close: closer(server),
  };
}

export interface GitLabStandIn extends StandIn {
  /** project path → key@scope → variable */
  vars: Map<string, Map<string, { value: string; masked: boolean; protected: boolean }>>;
}

export async function gitlabStandIn(token: string): Promise<GitLabStandIn> {
  const vars: GitLabStandIn['vars'] = new Map();
  const state: { mode: Mode } = { mode: 'ok' };
  const requests: StandIn['requests'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push({ method: req.method!, path: url.pathname, auth: req.headers['private-token'] as string | undefined });
    if (req.headers['private-token'] !== token) return send(res, 401, { message: '401 Unauthorized' });
    if (state.mode === '403') return send(res, 403, { message: '403 Forbidden' });
    if (state.mode === '500') return send(res, 500, { message: '500 Internal Server Error' });
    const m = /^\/api\/v4\/projects\/([^/]+)\/variables(?:\/([^/]+))?$/.exec(url.pathname);
    if (!m) return send(res, 404, { message: '404 Not Found' });
    const project = decodeURIComponent(m[1]!);
    const store = vars.get(project) ?? new Map();
    vars.set(project, store);
    const scope = url.searchParams.get('filter[environment_scope]') ?? '*';
    const key = m[2] ? decodeURIComponent(m[2]) : undefined;
    if (!key && req.method === 'GET') return send(res, 200, []);
    const echo = (b: any, name: string | undefined) => state.mode === 'echo' && /SECRET/.test(name ?? '') && (send(res, 400, { message: { value: [`${b.value} is invalid for ${req.headers['private-token']}`] } }), true);
    if (!key && req.method === 'POST') {
      const b = await body(req);
      if (echo(b, b.key)) return;
      const id = `${b.key}@${b.environment_scope ?? '*'}`;
      if (store.has(id)) return send(res, 400, { message: { key: ['has already been taken'] } });
      if (b.masked && String(b.value).length < 8) return send(res, 400, { message: { value: ['is invalid'] } });
      store.set(id, { value: b.value, masked: b.masked, protected: b.protected });
      return send(res, 201, { key: b.key, value: b.value, masked: b.masked, protected: b.protected, environment_scope: b.environment_scope });
    }
    const id = `${key}@${scope}`;
    if (req.method === 'GET') {
      const v = store.get(id);
      return v ? send(res, 200, { key, ...v, environment_scope: scope }) : send(res, 404, { message: '404 Variable Not Found' });
    }
    if (req.method === 'PUT') {
      const b = await body(req);
      if (echo(b, key)) return;
      if (!store.has(id)) return send(res, 404, { message: '404 Variable Not Found' });
      store.set(id, { value: b.value, masked: b.masked, protected: b.protected });
      return send(res, 200, { key, value: b.value, environment_scope: scope });
    }
    send(res, 405, {});
  });
  const url = await listen(server);
  return {
    url, requests, vars,
    get mode() { return state.mode; },
    set mode(m: Mode) { state.mode = m; },
    close: closer(server),
  };
}

export interface VaultStandIn extends StandIn {
  /** mount/path → versions (index 0 = version 1). */
  kv: Map<string, Record<string, string>[]>;
  latest(path: string): Record<string, string> | undefined;
}

export async function vaultStandIn(token: string, namespace?: string): Promise<VaultStandIn> {
  const kv: VaultStandIn['kv'] = new Map();
  const state: { mode: Mode } = { mode: 'ok' };
  const requests: StandIn['requests'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push({ method: req.method!, path: url.pathname, auth: req.headers['x-vault-token'] as string | undefined });
    if (req.headers['x-vault-token'] !== token) return send(res, 403, { errors: ['permission denied'] });
    if (namespace && req.headers['x-vault-namespace'] !== namespace) return send(res, 404, { errors: ['no handler for route'] });
    if (state.mode === '403') return send(res, 403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] });
    if (state.mode === '500') return send(res, 500, { errors: ['internal error'] });
    if (url.pathname === '/v1/sys/capabilities-self' && req.method === 'POST') {
      const b = await body(req);
      const out: Record<string, string[]> = {};
      for (const p of b.paths) out[p] = ['create', 'read', 'update'];
      return send(res, 200, { ...out, capabilities: out[b.paths[0]] });
    }
    const m = /^\/v1\/([^/]+)\/data\/(.+)$/.exec(url.pathname);
    if (!m) return send(res, 404, { errors: [] });
    const path = `${m[1]}/${decodeURIComponent(m[2]!)}`;
    const versions = kv.get(path) ?? [];
    if (req.method === 'GET') {
      if (!versions.length) return send(res, 404, { errors: [] });
      const v = Number(url.searchParams.get('version') ?? versions.length);
      const data = versions[v - 1];
      if (!data) return send(res, 404, { errors: [] });
      return send(res, 200, { data: { data, metadata: { version: v, created_time: new Date().toISOString() } } });
    }
    if (req.method === 'POST' || req.method === 'PUT') {
      const b = await body(req);
      if (state.mode === 'echo') return send(res, 400, { errors: [`cannot write ${JSON.stringify(b.data)} with ${req.headers['x-vault-token']}`] });
      const cas = b.options?.cas;
      if (cas !== undefined && cas !== versions.length) return send(res, 400, { errors: ['check-and-set parameter did not match the current version'] });
      versions.push(b.data);
      kv.set(path, versions);
      return send(res, 200, { data: { version: versions.length, created_time: new Date().toISOString() } });
    }
    send(res, 405, { errors: [] });
  });
  const url = await listen(server);
  return {
    url, requests, kv,
    get mode() { return state.mode; },
    set mode(m: Mode) { state.mode = m; },
    latest: (p) => { const v = kv.get(p); return v?.[v.length - 1]; },
    close: closer(server),
  };
}
