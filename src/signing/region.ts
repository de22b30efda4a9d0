// Veracode regions and the key prefixes that name them. A key id or secret may start with an
// 8-character prefix and a dash (`vera01ei-` / `vera01es-`) whose 7th character names the region:
// g global, e European, f US Federal. No prefix means the global region.

export type RegionName = 'com' | 'eu' | 'us';

export interface Region {
  name: RegionName;
  label: string;
  apiHost: string;
}

export const REGIONS: Record<RegionName, Region> = {
  com: { name: 'com', label: 'Global (api.veracode.com)', apiHost: 'api.veracode.com' },
  eu: { name: 'eu', label: 'European (api.veracode.eu)', apiHost: 'api.veracode.eu' },
  us: { name: 'us', label: 'US Federal (api.veracode.us)', apiHost: 'api.veracode.us' },
};

// The 7th character of an 8-character prefix names the region.
const REGION_BY_LETTER: Record<string, RegionName> = { g: 'com', e: 'eu', f: 'us' };

export class KeyFormatError extends Error {
  constructor(
    readonly field: 'id' | 'secret',
    readonly rule: string,
  ) {
    super(`API key ${field}: ${rule}`);
    this.name = 'KeyFormatError';
  }
}

export interface ParsedKeyPart {
  /** The key with any region prefix removed: what is signed with and sent. */
  bare: string;
  /** The region the prefix names; undefined when there is no prefix (global). */
  region?: RegionName;
  prefix?: string;
}

/**
 * THE one split of a key id or secret into its region prefix and bare value, at the last dash:
 * `vera01ei-abc…` → { prefix: 'vera01ei', bare: 'abc…' }; no dash → { prefix: null, bare }.
 * Never throws and checks nothing: parseKeyPart validates the prefix, bare ids compare with it.
 */
export function splitKeyPrefix(value: string): { prefix: string | null; bare: string } {
  const trimmed = value.trim();
  const dash = trimmed.lastIndexOf('-');
  return dash === -1 ? { prefix: null, bare: trimmed } : { prefix: trimmed.slice(0, dash), bare: trimmed.slice(dash + 1) };
}

/** The valid region prefix a key or secret carries as written, or null (none, or malformed). */
export function validPrefixOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return parseKeyPart(value, 'id').prefix ?? null;
  } catch {
    return null;
  }
}

/**
 * `value` with the region prefix another key carried (e.g. `vera01ei-`), when the server answered
 * with a bare value: the new key lives in the same region, and without its prefix tools would send
 * it to the global host. A value the server already prefixed is kept exactly as returned.
 */
export function withPrefix(value: string, prefix: string | null): string {
  return prefix && !value.includes('-') ? `${prefix}-${value}` : value;
}

/** Splits `vera01ei-abc…` into its prefix, region and bare key; validates the prefix. */
export function parseKeyPart(value: string, field: 'id' | 'secret'): ParsedKeyPart {
  const { prefix, bare } = splitKeyPrefix(value);
  if (prefix === null) return { bare };
  // Quote an id's prefix to help the user, but never a secret's: a stray dash would quote the secret.
  const shown = field === 'id' ? ` "${prefix}-"` : '';
  if (prefix.length !== 8) {
    throw new KeyFormatError(field, `the region prefix${shown} must be 8 characters before the dash (for example vera01ei-), found ${prefix.length}`);
  }
  const region = REGION_BY_LETTER[prefix[6]!.toLowerCase()];
  if (!region) {
    throw new KeyFormatError(field, `the region prefix${shown} names an unknown region "${prefix[6]}" (expected g, e or f as its 7th character)`);
  }
  return { bare, region, prefix };
}

const HEX = /^[0-9a-fA-F]+$/;

export interface ValidatedKey {
  id: string;
  secret: string;
  region: RegionName;
  /** True when either part carried a prefix, so the region is known rather than assumed. */
  regionFromPrefix: boolean;
}

/**
 * Validates an id/secret pair (after any prefix: the id 32 to 128 hex characters, the secret 128
 * to 1024) and works out its region. Never echoes the secret.
 */
export function validateKey(id: string, secret: string): ValidatedKey {
  const idPart = parseKeyPart(id, 'id');
  const secretPart = parseKeyPart(secret, 'secret');
  if (!HEX.test(idPart.bare)) throw new KeyFormatError('id', 'must be hexadecimal (0-9, a-f) after any region prefix');
  if (idPart.bare.length < 32 || idPart.bare.length > 128) {
    throw new KeyFormatError('id', `must be 32 to 128 hex characters, found ${idPart.bare.length}`);
  }
  if (!HEX.test(secretPart.bare)) throw new KeyFormatError('secret', 'must be hexadecimal (0-9, a-f) after any region prefix');
  if (secretPart.bare.length < 128 || secretPart.bare.length > 1024) {
    throw new KeyFormatError('secret', `must be 128 to 1024 hex characters, found ${secretPart.bare.length}`);
  }
  if (idPart.region && secretPart.region && idPart.region !== secretPart.region) {
    throw new KeyFormatError('secret', `its region prefix (${secretPart.region}) disagrees with the id's (${idPart.region})`);
  }
  const region = idPart.region ?? secretPart.region;
  return { id: idPart.bare, secret: secretPart.bare, region: region ?? 'com', regionFromPrefix: region !== undefined };
}

/** The region a Veracode API host belongs to, or undefined for any other host (the emulator). */
export function regionOfHost(host: string): RegionName | undefined {
  const h = host.toLowerCase();
  for (const region of Object.values(REGIONS)) {
    if (h === region.apiHost || h.endsWith(`.${region.apiHost.replace(/^api\./, '')}`)) return region.name;
  }
  return undefined;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
