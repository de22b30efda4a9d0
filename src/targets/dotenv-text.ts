// Rewriting the two variables of a dotenv file in place, pure: every other line is kept byte for
// byte, and the result is checked with the `dotenv` package's own parser (what the tools reading
// the file will see): our values, and every other variable exactly as before.
import dotenv from 'dotenv';

/** A value as a dotenv line writes it: bare when safe, else single-quoted (taken literally). */
export function dotenvValue(value: string): string {
  if (/^[A-Za-z0-9_\-.:/+=@,~%]*$/.test(value)) return value;
  if (!value.includes("'") && !/[\r\n]/.test(value)) return `'${value}'`;
  if (!value.includes('"') && !/[\r\n\\$]/.test(value)) return `"${value}"`;
  throw new Error('the value cannot be written to a dotenv file safely');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class DotenvRewriteError extends Error {}

/**
 * `text` with `values` set: each line assigning one of them (`KEY=…`, `export KEY=…`) is
 * replaced, keeping its `export`; a variable with no line is appended. Throws when the parser
 * would not read the result as intended (e.g. the old value was a multi-line quoted string).
 */
export function rewriteDotenv(text: string, values: Readonly<Record<string, string>>): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.length ? text.split(/\r?\n/) : [];
  const trailing = lines.length > 0 && lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  const done = new Set<string>();
  for (const [key, value] of Object.entries(values)) {
    const re = new RegExp(`^(\\s*)(export\\s+)?${escapeRe(key)}\\s*[=:]`);
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]!);
      if (!m) continue;
      // A quoted value that does not close on its line spans several: not ours to cut in half.
      const rest = lines[i]!.slice(m[0].length).trim();
      const q = rest[0];
      if ((q === '"' || q === "'" || q === '`') && rest.indexOf(q, 1) < 0) throw new DotenvRewriteError(`${key} holds a multi-line value; edit it by hand once (one line), then deliver again`);
      lines[i] =  `${m[1]}${m[2] ?? ''}${key}=${dotenvValue(value)}`;
      done.add(key);
    }
  }
  for (const [key, value] of Object.entries(values)) if (!done.has(key)) lines.push(`${key}=${dotenvValue(value)}`);
  const out = lines.join(eol) + (lines.length ? eol : '');
  const before = dotenv.parse(text);
  const after = dotenv.parse(out);
  for (const [key, value] of Object.entries(values)) {
    if (after[key] !== value) throw new DotenvRewriteError(`${key} would not read back as written (a multi-line or unusual line?)`);
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key in values) continue;
    if (before[key] !== after[key]) throw new DotenvRewriteError(`rewriting would change ${key}, which is not ours to change`);
  }
  return out;
}

/** What the parser reads from a dotenv text. */
export function readDotenv(text: string): Record<string, string> {
  return dotenv.parse(text);
}
