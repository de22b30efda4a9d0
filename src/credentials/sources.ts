// Where an HMAC key comes from: the environment (VERACODE_API_KEY_ID + VERACODE_API_KEY_SECRET,
// both set) or a profile of ~/.veracode/credentials, as Veracode's own tools look for it.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KeyFormatError, splitKeyPrefix, validateKey, type RegionName } from '../signing/region.js';
import { CredentialsError } from './errors.js';
import { parseIni, type IniDocument } from './ini.js';

export const ID_KEY = 'veracode_api_key_id';
export const SECRET_KEY = 'veracode_api_key_secret';
export const ENV_ID = 'VERACODE_API_KEY_ID';
export const ENV_SECRET = 'VERACODE_API_KEY_SECRET';
export const ENV_PROFILE = 'VERACODE_API_PROFILE';
export const DEFAULT_PROFILE = 'default';

type Env = Record<string, string | undefined>;

function homeFrom(env: Env): string {
  return (process.platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
}

/** Veracode's own path, `~/.veracode/credentials` (Windows: `%USERPROFILE%\.veracode\credentials`). */
export function defaultCredentialsPath(env: Env = process.env, home: string = homeFrom(env)): string {
  return join(home, '.veracode', 'credentials');
}

export interface FileProfile {
  name: string;
  id?: string;
  secret?: string;
  /** Line of the [name] header. */
  line: number;
}

export interface CredentialsFile {
  path: string;
  profiles: FileProfile[];
  /** Permission bits (mode & 0o777), for permissionWarning. */
  mode: number;
}

/** Reads and parses the file. Throws CredentialsError: file-missing, file-unreadable or malformed. */
export function readCredentialsFile(path: string): CredentialsFile {
  const { doc, mode } = loadDocument(path);
  const profiles = doc.sections.map((s) => {
    const p: FileProfile = { name: s.name, line: s.line };
    const id = s.entries.find((e) => e.key === ID_KEY)?.value;
    const secret = s.entries.find((e) => e.key === SECRET_KEY)?.value;
    if (id) p.id = id;
    if (secret) p.secret = secret;
    return p;
  });
  return { path, profiles, mode };
}

/** What a path is when it is not a regular file, in words. */
function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isDirectory()) return 'a directory';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Reads the file's text and parses it; shared with the writer. Only a regular file is read: a
 * FIFO, a device or a socket at that path would block the read forever (list, check and doctor
 * hung), so it is refused at once. The file is opened without blocking and checked through the
 * open descriptor, so nothing can be swapped in between the check and the read.
 */
export function loadDocument(path: string): { doc: IniDocument; text: string; mode: number } {
  let text: string;
  let mode: number;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO that no one writes to returns at once instead of waiting.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new CredentialsError(
        'file-unreadable',
        `${path} is ${kindOf(stats)}, not a regular file; vcreds reads credentials only from a regular file.`,
        `Replace ${path} with a regular file holding your profiles (chmod 600), or set ${ENV_ID} and ${ENV_SECRET}.`,
        path,
      );
    }
    mode = stats.mode & 0o777;
    text = readFileSync(fd, 'utf8');
  } catch (err) {
    if (err instanceof CredentialsError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CredentialsError(
        'file-missing',
        `No Veracode credentials file at ${path}.`,
        `Create it with a [default] profile holding ${ID_KEY} and ${SECRET_KEY} (chmod 600), or set ${ENV_ID} and ${ENV_SECRET}, or try vcreds --demo.`,
        path,
      );
    }
    throw new CredentialsError('file-unreadable', `Cannot read ${path} (${code ?? 'error'}).`, `Check that ${path} is a file you can read.`, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { doc: parseIni(text, path), text, mode };
}

/** Profile names in file order; [] when the file does not exist. */
export function listProfiles(path: string): string[] {
  try {
    return readCredentialsFile(path).profiles.map((p) => p.name);
  } catch (err) {
    if (err instanceof CredentialsError && err.code === 'file-missing') return [];
    throw err;
  }
}

export type KeySource = { kind: 'env' } | { kind: 'file'; path: string; profile: string };

export interface ApiKey {
  /** Bare id: region prefix removed. */
  id: string;
  /** Bare secret: region prefix removed. */
  secret: string;
  region: RegionName;
  regionFromPrefix: boolean;
  /** The id as written by the user, prefix included. */
  rawId: string;
  source: KeySource;
}

export interface ResolveOptions {
  env?: Env;
  /** An explicit profile (--profile); the environment's key pair still wins when both are set. */
  profile?: string;
  path?: string;
}

/**
 * The key to use: VERACODE_API_KEY_ID + VERACODE_API_KEY_SECRET when both are set, else the
 * profile (explicit, else VERACODE_API_PROFILE, else `default`) of the credentials file.
 */
export function resolveApiKey(options: ResolveOptions = {}): ApiKey {
  const env = options.env ?? process.env;
  const envId = env[ENV_ID]?.trim();
  const envSecret = env[ENV_SECRET]?.trim();
  if (envId && envSecret) {
    return { ...checked(envId, envSecret, (f) => (f === 'id' ? ENV_ID : ENV_SECRET)), rawId: envId, source: { kind: 'env' } };
  }
  if (envId || envSecret) {
    const [set, missing] = envId ? [ENV_ID, ENV_SECRET] : [ENV_SECRET, ENV_ID];
    throw new CredentialsError('env-incomplete', `${set} is set but ${missing} is not.`, `Set both ${ENV_ID} and ${ENV_SECRET}, or unset ${set} to use the credentials file.`);
  }

  const path = options.path ?? defaultCredentialsPath(env);
  const profileName = options.profile?.trim() || env[ENV_PROFILE]?.trim() || DEFAULT_PROFILE;
  const { profiles } = readCredentialsFile(path);
  const profile = profiles.find((p) => p.name === profileName);
  if (!profile) {
    const names = profiles.map((p) => `[${p.name}]`);
    const legacy = profileName === DEFAULT_PROFILE && profiles.some((p) => p.name === 'greenlight')
      ? ' Rename the legacy [greenlight] profile to [default].'
      : '';
    throw new CredentialsError(
      'profile-missing',
      `No profile [${profileName}] in ${path}; ${names.length ? `it has ${names.join(', ')}` : 'it has no profiles'}.`,
      `Pick one of the existing profiles with --profile or ${ENV_PROFILE}, or add a [${profileName}] section.${legacy}`,
      path,
    );
  }
  const missing = [profile.id ? null : ID_KEY, profile.secret ? null : SECRET_KEY].filter(Boolean);
  if (missing.length) {
    throw new CredentialsError(
      'key-missing',
      `Profile [${profileName}] in ${path} (line ${profile.line}) has no ${missing.join(' and no ')}.`,
      `Add ${missing.join(' and ')} to [${profileName}].`,
      path,
    );
  }
  const where = `profile [${profileName}] of ${path}`;
  const key = checked(profile.id!, profile.secret!, (f) => `${f === 'id' ? ID_KEY : SECRET_KEY} in ${where}`, path);
  return { ...key, rawId: profile.id!.trim(), source: { kind: 'file', path, profile: profileName } };
}

/** validateKey, with its KeyFormatError turned into a CredentialsError naming where the key came from. */
function checked(id: string, secret: string, name: (field: 'id' | 'secret') => string, path?: string) {
  try {
    return validateKey(id, secret);
  } catch (err) {
    if (!(err instanceof KeyFormatError)) throw err;
    throw new CredentialsError(
      'invalid-key',
      `${name(err.field)} is not a valid Veracode API key ${err.field}: ${err.rule}.`,
      `Copy the ${err.field === 'id' ? 'API ID' : 'API secret key'} again from the Veracode Platform (API Credentials), or generate a new pair.`,
      path,
    );
  }
}

/** Strips a region prefix and lowercases, for comparing ids. Never throws. */
export function bareId(id: string): string {
  return splitKeyPrefix(id).bare.toLowerCase();
}

/** Names of the profiles whose id is apiId (region prefix and case ignored); [] without a file. */
export function findProfilesHoldingKey(path: string, apiId: string): string[] {
  const wanted = bareId(apiId);
  let file: CredentialsFile;
  try {
    file = readCredentialsFile(path);
  } catch (err) {
    if (err instanceof CredentialsError && err.code === 'file-missing') return [];
    throw err;
  }
  return file.profiles.filter((p) => p.id !== undefined && bareId(p.id) === wanted).map((p) => p.name);
}

/** A warning when the file can be read by group or others; null when it is private (or on Windows). */
export function permissionWarning(mode: number, path = '~/.veracode/credentials', platform = process.platform): string | null {
  if (platform === 'win32' || (mode & 0o077) === 0) return null;
  const who = [mode & 0o070 ? 'your group' : null, mode & 0o007 ? 'other users' : null].filter(Boolean).join(' and ');
  return `${path} is open to ${who} (mode ${(mode & 0o777).toString(8).padStart(3, '0')}); run: chmod 600 ${path}`;
}
