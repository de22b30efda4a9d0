// The Identity API is seen to write timestamps three ways: `2021-10-23T15:30:25.123+0000`,
// RFC 3339 with `Z`, and `2021-10-23 15:30:25 UTC`. All become ISO 8601 UTC strings.
import { isValid, parseISO } from 'date-fns';

const UTC_SUFFIX = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:UTC|GMT)$/i;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** ISO 8601 UTC for any accepted form; null for null, empty or unreadable input. */
export function parseTimestamp(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof value !== 'string') return null;
  let s = value.trim();
  const utc = UTC_SUFFIX.exec(s);
  if (utc) s = `${utc[1]}T${utc[2]}Z`;
  // A timestamp without any zone is read as UTC, never as this machine's local time.
  else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(s) && !HAS_ZONE.test(s)) s = `${s.replace(' ', 'T')}Z`;
  const d = parseISO(s);
  return isValid(d) ? d.toISOString() : null;
}

/** The form sent to the server: RFC 3339 UTC with milliseconds. */
export function formatTimestamp(iso: string): string {
  return new Date(iso).toISOString();
}
