// `vcreds doctor`: pure rules over facts gathered elsewhere (file, env, server). No I/O here.
import type { CredentialStatus } from '../model/credential.js';
import type { RegionName } from '../signing/region.js';

export type Severity = 'ok' | 'warn' | 'error';

export interface Finding {
  severity: Severity;
  message: string;
  /** What to do about it; empty for 'ok'. */
  fix: string;
}

/** What the server said about one local key. */
export type KeyVerdict =
  | { kind: 'status'; status: CredentialStatus; expiresAt: string | null; daysLeft: number | null; supersededUntil?: string | null }
  | { kind: 'rejected'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-checked'; message: string };

export interface LocalKey {
  /** 'env' for VERACODE_API_KEY_ID/SECRET, else the profile name. */
  source: { kind: 'env' } | { kind: 'profile'; name: string; line: number };
  /** The bare id (no region prefix), or null when missing or unparseable. */
  id: string | null;
  /** The region named by a prefix on the id or secret, when there is one. */
  prefixRegion: RegionName | null;
  verdict: KeyVerdict;
}

export interface DoctorFacts {
  credentialsPath: string;
  file:
    | { state: 'missing' }
    | { state: 'unreadable'; message: string; hint: string }
    | { state: 'ok'; mode: number; profiles: string[] };
  env: {
    idSet: boolean;
    secretSet: boolean;
    /** VERACODE_API_PROFILE, when set. */
    profile: string | null;
    /** Set variables with names other tools use but Veracode's do not read. */
    nonStandard: string[];
  };
  /** The API base URL in use and the region its host belongs to (null for a non-Veracode host). */
  apiUrl: string;
  apiRegion: RegionName | null;
  keys: LocalKey[];
}

const DISPLAY: Record<'env' | 'profile', (k: LocalKey) => string> = {
  env: () => 'VERACODE_API_KEY_ID/SECRET',
  profile: (k) => `profile [${(k.source as { name: string }).name}]`,
};

function keyName(k: LocalKey): string {
  return DISPLAY[k.source.kind](k);
}

function rotateHint(k: LocalKey): string {
  return k.source.kind === 'profile' ? `vcreds rotate --profile ${k.source.name}` : 'vcreds create hmac, then update VERACODE_API_KEY_ID/SECRET';
}

function replaceHint(k: LocalKey): string {
  return k.source.kind === 'profile'
    ? `Generate a new key on the Platform, or with another working key: vcreds create hmac --save-profile ${k.source.name}`
    : 'Generate a new key (Platform, or vcreds create hmac with another working key) and update VERACODE_API_KEY_ID/SECRET';
}

function fileFindings(f: DoctorFacts): Finding[] {
  const out: Finding[] = [];
  const path = f.credentialsPath;
  const envKey = f.env.idSet && f.env.secretSet;
  if (f.file.state === 'missing') {
    if (!envKey) {
      out.push({ severity: 'error', message: `No credentials: ${path} does not exist and VERACODE_API_KEY_ID/SECRET are not set`, fix: `vcreds create hmac --save-profile default (from a working key), or create ${path} with a [default] profile` });
    } else {
      out.push({ severity: 'ok', message: `No credentials file at ${path}; the key comes from VERACODE_API_KEY_ID/SECRET`, fix: '' });
    }
    return out;
  }
  if (f.file.state === 'unreadable') {
    out.push({ severity: 'error', message: f.file.message, fix: f.file.hint });
    return out;
  }
  const { mode, profiles } = f.file;
  if (mode & 0o077) {
    out.push({ severity: 'error', message: `${path} is readable by ${mode & 0o007 ? 'others' : 'its group'} (mode ${(mode & 0o777).toString(8).padStart(3, '0')})`, fix: `chmod 600 ${path}` });
  } else {
    out.push({ severity: 'ok', message: `${path} is private (mode ${(mode & 0o777).toString(8).padStart(3, '0')})`, fix: '' });
  }
  if (envKey && profiles.length) {
    out.push({ severity: 'warn', message: `VERACODE_API_KEY_ID/SECRET are set and override every profile in ${path}`, fix: 'Use the file or the variables, not both (Veracode\'s advice): unset the variables, or drop the file' });
  }
  const hasDefault = profiles.includes('default');
  const chosen = f.env.profile;
  if (chosen && !profiles.includes(chosen)) {
    out.push({ severity: 'error', message: `VERACODE_API_PROFILE=${chosen} but ${path} has no [${chosen}] profile${profiles.length ? ` (it has: ${profiles.join(', ')})` : ''}`, fix: `Add a [${chosen}] profile or change VERACODE_API_PROFILE` });
  } else if (!hasDefault && !chosen && !envKey) {
    out.push({ severity: 'warn', message: `${path} has no [default] profile, which tools use when no profile is named`, fix: profiles.includes('greenlight') ? 'Rename [greenlight] to [default]' : 'Rename the profile you use most to [default], or set VERACODE_API_PROFILE' });
  }
  if (profiles.includes('greenlight')) {
    out.push({ severity: 'warn', message: `${path} still has a legacy [greenlight] profile`, fix: hasDefault ? 'Remove [greenlight] (a [default] profile exists)' : 'Rename [greenlight] to [default]' });
  }
  return out;
}

function envFindings(f: DoctorFacts): Finding[] {
  const out: Finding[] = [];
  if (f.env.idSet !== f.env.secretSet) {
    const [set, unset] = f.env.idSet ? ['VERACODE_API_KEY_ID', 'VERACODE_API_KEY_SECRET'] : ['VERACODE_API_KEY_SECRET', 'VERACODE_API_KEY_ID'];
    out.push({ severity: 'error', message: `${set} is set but ${unset} is not, so both are ignored`, fix: `Set ${unset} too, or unset ${set}` });
  }
  for (const name of f.env.nonStandard) {
    const standard = name === 'VERACODE_API_ID' ? 'VERACODE_API_KEY_ID' : name === 'VERACODE_API_KEY' ? 'VERACODE_API_KEY_SECRET' : 'VERACODE_API_KEY_ID/SECRET';
    out.push({ severity: 'warn', message: `${name} is set, but Veracode's tools read ${standard}`, fix: `Rename ${name} to ${standard}` });
  }
  return out;
}

function duplicateFindings(f: DoctorFacts): Finding[] {
  const byId = new Map<string, string[]>();
  for (const k of f.keys) {
    if (k.source.kind !== 'profile' || !k.id) continue;
    const id = k.id.toLowerCase();
    const names = byId.get(id);
    if (names) names.push(k.source.name);
    else byId.set(id, [k.source.name]);
  }
  return [...byId.entries()]
    .filter(([, names]) => names.length > 1)
    .map(([id, names]) => ({
      severity: 'warn' as const,
      message: `One key (${id}) is in ${names.length} profiles: ${names.map((n) => `[${n}]`).join(', ')}`,
      fix: 'Keep one profile per key and remove the copies (vcreds rotate updates every copy together meanwhile)',
    }));
}

function regionFinding(k: LocalKey, f: DoctorFacts): Finding | null {
  if (!k.prefixRegion || !f.apiRegion || k.prefixRegion === f.apiRegion) return null;
  return {
    severity: 'error',
    message: `${keyName(k)}: the key's region prefix names ${k.prefixRegion}, but the API URL ${f.apiUrl} is in ${f.apiRegion}`,
    fix: `Use --region ${k.prefixRegion} (or drop --api-url), or use a key from the ${f.apiRegion} region`,
  };
}

function verdictFinding(k: LocalKey): Finding {
  const name = keyName(k);
  const v = k.verdict;
  switch (v.kind) {
    case 'invalid':
      return { severity: 'error', message: `${name}: ${v.message}`, fix: 'Copy the id and secret again from the Veracode Platform (API Credentials page)' };
    case 'rejected':
      return { severity: 'error', message: `${name}: the server rejects this key (${v.message})`, fix: replaceHint(k) };
    case 'unreachable':
      return { severity: 'error', message: `${name}: could not check with the server (${v.message})`, fix: 'Check the network, proxy settings (HTTPS_PROXY) and --api-url, then run vcreds doctor again' };
    case 'not-checked':
      return { severity: 'warn', message: `${name}: not checked against the server (${v.message})`, fix: 'Fix the problems above, then run vcreds doctor again' };
    case 'status':
      switch (v.status) {
        case 'active':
          return { severity: 'ok', message: `${name}: active${v.daysLeft !== null ? `, expires in ${v.daysLeft} days` : ''}`, fix: '' };
        case 'expiring':
          return { severity: 'warn', message: `${name}: expires in ${v.daysLeft} day${v.daysLeft === 1 ? '' : 's'}${v.expiresAt ? ` (${v.expiresAt.slice(0, 10)})` : ''}`, fix: rotateHint(k) };
        case 'expired':
          return { severity: 'error', message: `${name}: expired${v.expiresAt ? ` on ${v.expiresAt.slice(0, 10)}` : ''}`, fix: replaceHint(k) };
        case 'revoked':
          return { severity: 'error', message: `${name}: revoked`, fix: replaceHint(k) };
        case 'superseded':
          return {
            severity: 'error',
            message: `${name}: superseded by a newer pair of its owner; it stops working ${v.supersededUntil ? `at ${v.supersededUntil.slice(0, 16).replace('T', ' ')} UTC` : 'soon'}`,
            fix: k.source.kind === 'profile' ? `Put the owner's new pair in [${k.source.name}] (or vcreds rotate --profile ${k.source.name})` : 'Put the owner\'s new pair in VERACODE_API_KEY_ID/SECRET',
          };
      }
  }
}

export function evaluateDoctor(f: DoctorFacts): Finding[] {
  const findings = [...envFindings(f), ...fileFindings(f), ...duplicateFindings(f)];
  for (const k of f.keys) {
    const region = regionFinding(k, f);
    if (region) findings.push(region);
    findings.push(verdictFinding(k));
  }
  return findings;
}

export function doctorExitCode(findings: readonly Finding[]): number {
  return findings.some((x) => x.severity !== 'ok') ? 1 : 0;
}
