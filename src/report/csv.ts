// The hygiene report as CSV (RFC 4180, CRLF): one row per finding, most severe first. Text cells
// are others' data: control characters escaped (escapeControl) and formula starts neutralised
// (csvCell); numbers are ours and written as they are.
import type { HygieneReport } from '../ops/report.js';
import { isoUtc } from '../cli/credential-format.js';
import { csvCell, escapeControl } from '../text/escape.js';

export const REPORT_CSV_HEADERS = [
  'finding', 'severity', 'credential_id', 'type', 'name', 'owner_user_name', 'owner_user_id', 'account_type',
  'status', 'expires_at', 'days_left', 'created_at', 'age_days', 'roles', 'detail',
] as const;

const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : csvCell(escapeControl(v, { oneLine: true })));

export function renderCsv(r: HygieneReport): string {
  const rows = r.findings.map((f) => {
    const c = f.credential;
    return [
      f.kind, f.severity, c?.id ?? null, c?.type ?? null, c?.name ?? null, f.owner.userName, f.owner.userId, f.owner.accountType,
      c?.status ?? null, isoUtc(c?.expiresAt ?? null), c?.daysLeft ?? null, isoUtc(c?.createdAt ?? null), f.ageDays, f.roles.join(';'), f.detail,
    ];
  });
  return [[...REPORT_CSV_HEADERS], ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
