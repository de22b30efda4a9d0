// Where requests go: an explicit API URL, else the region's Veracode host. Veracode hosts only
// over https; plain http only to a loopback address (the emulator, tests).
import { ApiError } from './errors.js';
import { REGIONS, isLoopbackHost, regionOfHost, type RegionName } from '../signing/region.js';

export interface BaseUrlChoice {
  /** Origin (plus any path prefix), without a trailing slash. */
  baseUrl: string;
  /** The Veracode region of the host, or null for any other host (the emulator). */
  hostRegion: RegionName | null;
}

function configError(message: string): ApiError {
  return new ApiError({ kind: 'config', message });
}

/** Validates an explicit API URL; throws ApiError kind 'config' with what to fix. */
export function checkApiUrl(apiUrl: string): BaseUrlChoice {
  let url: URL;
  try {
    url = new URL(apiUrl.includes('://') ? apiUrl : `https://${apiUrl}`);
  } catch {
    throw configError(`API URL "${apiUrl}" is not a valid URL; give an origin like https://api.veracode.com or http://127.0.0.1:8080`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError(`API URL "${apiUrl}" must start with https:// (or http:// for a loopback address)`);
  }
  if (url.username || url.password) {
    throw configError('API URL must not carry a user name or password; use an API key instead');
  }
  const hostRegion = regionOfHost(url.hostname) ?? null;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw configError(
      hostRegion
        ? `API URL "${apiUrl}": Veracode hosts are reached only over https; use https://${url.host}`
        : `API URL "${apiUrl}": plain http is allowed only for loopback addresses (127.0.0.1, localhost, ::1); use https://`,
    );
  }
  // Accept the Identity API's own base path too, since that is what the docs print.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/authn\/v2$/, '');
  return { baseUrl: `${url.origin}${path}`, hostRegion };
}

/** Explicit URL > chosen region > the key's region > global. */
export function chooseBaseUrl(options: { apiUrl?: string; region?: RegionName; keyRegion?: RegionName }): BaseUrlChoice {
  if (options.apiUrl) return checkApiUrl(options.apiUrl);
  const region = options.region ?? options.keyRegion ?? 'com';
  return { baseUrl: `https://${REGIONS[region].apiHost}`, hostRegion: region };
}
