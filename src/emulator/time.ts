// The three timestamp forms Veracode's APIs are seen to send.
// The emulator writes all three so that clients must read all three.

export type TsForm = 'veracode' | 'rfc3339' | 'utc';

export const DAY_MS = 86_400_000;

/** `2021-10-23T15:30:25.123+0000` (the common form), `2021-10-23T15:30:25Z`, or `2021-10-23 15:30:25 UTC`. */
export function formatTs(ms: number, form: TsForm = 'veracode'): string {
  const iso = new Date(ms).toISOString();
  if (form === 'rfc3339') return `${iso.slice(0, 19)}Z`;
  if (form === 'utc') return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  return `${iso.slice(0, 23)}+0000`;
}

/** Reads any of the three forms (and plain ISO 8601); undefined when it is none of them. */
export function parseTs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let s = value.trim();
  const utc = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) UTC$/.exec(s);
  if (utc) s = `${utc[1]}T${utc[2]}Z`;
  s = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}
