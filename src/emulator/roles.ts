// The role catalogue the emulator knows (role names as Veracode's public clients use them).
import { createHash } from 'node:crypto';
import { uuidFromHex } from './prng.js';

export interface RoleDef {
  role_id: string;
  role_name: string;
  role_description: string;
  is_api: boolean;
  is_hmac_only: boolean;
}

function role(name: string, description: string, isApi: boolean, hmacOnly = false): RoleDef {
  const hex = createHash('sha256').update(`role:${name}`).digest('hex');
  return { role_id: uuidFromHex(hex), role_name: name, role_description: description, is_api: isApi, is_hmac_only: hmacOnly };
}

export const ROLES: readonly RoleDef[] = [
  role('extadmin', 'Administrator', false),
  role('extseclead', 'Security Lead', false),
  role('extcreator', 'Creator', false),
  role('extsubmitter', 'Submitter', false),
  role('extreviewer', 'Reviewer', false),
  role('extexecutive', 'Executive', false),
  role('extmitigationapprover', 'Mitigation Approver', false),
  role('extpolicyadmin', 'Policy Administrator', false),
  role('teamAdmin', 'Team Admin', false),
  role('adminapi', 'Admin API', true),
  role('resultsapi', 'Results API', true),
  role('uploadapi', 'Upload API', true),
  role('submitterapi', 'Submitter API', true),
  role('mitigationapi', 'Mitigation API', true),
  role('archerreports', 'Archer Report API', true, true),
];

export const ROLE_BY_NAME: ReadonlyMap<string, RoleDef> = new Map(ROLES.map((r) => [r.role_name, r]));
export const ROLE_BY_ID: ReadonlyMap<string, RoleDef> = new Map(ROLES.map((r) => [r.role_id, r]));

export const HUMAN_ROLE_NAMES = ROLES.filter((r) => !r.is_api).map((r) => r.role_name);
export const API_ROLE_NAMES = ROLES.filter((r) => r.is_api).map((r) => r.role_name);

/** Admin = a user with the Administrator role or an API account with the Admin API role. */
export function isAdminRoles(accountType: 'USER' | 'API', roles: readonly string[]): boolean {
  return accountType === 'USER' ? roles.includes('extadmin') : roles.includes('adminapi');
}
