// Which proxy (if any) a request goes through, decided from the environment like curl does:
// HTTPS_PROXY / https_proxy for https URLs, HTTP_PROXY / http_proxy for http URLs (and as a
// fallback for https), NO_PROXY / no_proxy to bypass. Loopback hosts never use a proxy, so the
// emulator and tests are reached directly whatever the environment says.
//
// got has no proxy support of its own; the agent that tunnels through the proxy comes from the
// `hpagent` package (see proxyAgents).
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { isLoopbackHost } from '../signing/region.js';

type Env = Record<string, string | undefined>;

function envValue(env: Env, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = env[n];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/**
 * True when NO_PROXY says to reach `url` directly. Entries are comma/space separated; `*` matches
 * everything; `example.com` and `.example.com` match the host and its subdomains; an entry may
 * carry `:port`; IP addresses match exactly.
 */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (isLoopbackHost(host)) return true;
  if (!noProxy) return false;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let name = entry;
    let entryPort: string | undefined;
    const m = /^(.*?):(\d+)$/.exec(entry);
    if (m && !entry.includes('::')) {
      name = m[1]!;
      entryPort = m[2];
    }
    name = name.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (entryPort && entryPort !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy URL to use for `url`, or undefined to connect directly. */
export function proxyFor(url: URL, env: Env): string | undefined {
  if (bypassesProxy(url, envValue(env, 'NO_PROXY', 'no_proxy'))) return undefined;
  const proxy =
    url.protocol === 'https:'
      ? envValue(env, 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy')
      : envValue(env, 'HTTP_PROXY', 'http_proxy');
  return proxy;
}

export interface ProxyAgents {
  http: HttpProxyAgent;
  https: HttpsProxyAgent;
}

/** got agents that tunnel through `proxyUrl` (hpagent: CONNECT for https, keep-alive). */
export function proxyAgents(proxyUrl: string): ProxyAgents {
  const common = { keepAlive: true, proxy: proxyUrl };
  return { http: new HttpProxyAgent(common), https: new HttpsProxyAgent(common) };
}
