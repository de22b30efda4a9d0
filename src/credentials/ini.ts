// A small line-based reader of the Veracode credentials file (~/.veracode/credentials, INI).
//
// Written by hand rather than with the `ini` package because we must (a) report a malformed line
// by its line number, and (b) rewrite one profile while keeping every other byte of the file
// (comments, order, spacing, line endings); `ini` does neither. The rules follow Python's
// configparser, which Veracode's own tools use: `[name]` sections (names case-sensitive),
// `key = value` or `key: value` (keys case-insensitive), `#`/`;` comment lines, no inline comments,
// a section or key given twice is an error.
import { CredentialsFileError } from './errors.js';

export interface RawLine {
  /** The line without its terminator. */
  body: string;
  /** '\r\n', '\n', or '' for a last line without one. */
  eol: string;
}

interface Base {
  /** 1-based. */
  line: number;
}
export interface BlankLine extends Base { kind: 'blank' }
export interface CommentLine extends Base { kind: 'comment' }
export interface SectionLine extends Base { kind: 'section'; name: string }
export interface EntryLine extends Base {
  kind: 'entry';
  /** Lowercased, as configparser does. */
  key: string;
  value: string;
  /** Offsets in `body` of the delimiter and of the trimmed value, so a value can be replaced in place. */
  delimiter: number;
  valueStart: number;
  valueEnd: number;
  /** The section the entry belongs to. */
  section: string;
}
export type ParsedLine = BlankLine | CommentLine | SectionLine | EntryLine;

export interface IniSection {
  name: string;
  line: number;
  /** Index into `lines` of the header. */
  index: number;
  entries: EntryLine[];
}

export interface IniDocument {
  raw: RawLine[];
  lines: ParsedLine[];
  sections: IniSection[];
  /** The first line ending in the file, used for lines we add. */
  eol: '\n' | '\r\n';
}

/** Splits text into lines, keeping each line's own terminator so joining gives the text back. */
export function splitLines(text: string): RawLine[] {
  const out: RawLine[] = [];
  const re = /\r?\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ body: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ body: text.slice(start), eol: '' });
  return out;
}

export function joinLines(lines: readonly RawLine[]): string {
  return lines.map((l) => l.body + l.eol).join('');
}

/** Names a key in a message, unless it could be a pasted secret (long, or with spaces in it). */
function quoteKey(key: string): string {
  return /^[\w.-]{1,40}$/.test(key) ? `the key "${key}"` : 'a key';
}

const SECTION = /^\[([^\]]*)\]$/;

/** Parses the file's text; `path` is only used in error messages. */
export function parseIni(text: string, path: string): IniDocument {
  const raw = splitLines(text);
  const lines: ParsedLine[] = [];
  const sections: IniSection[] = [];
  // By name, so a file of 10,000 profiles is read in linear time (doctor reads it per key).
  const byName = new Map<string, IniSection>();
  let current: IniSection | undefined;

  raw.forEach(({ body }, index) => {
    const line = index + 1;
    const fail = (problem: string): never => {
      throw new CredentialsFileError(path, line, problem);
    };
    const content = (index === 0 ? body.replace(/^\uFEFF/, '') : body).trim();
    if (content === '') return lines.push({ kind: 'blank', line });
    if (content.startsWith('#') || content.startsWith(';')) return lines.push({ kind: 'comment', line });

    if (content.startsWith('[')) {
      const m = SECTION.exec(content);
      if (!m) fail('a section header must be a profile name in brackets, like [default]');
      const name = m![1]!.trim();
      if (!name) fail('the section header [] has no profile name');
      const seen = byName.get(name);
      if (seen) fail(`profile [${name}] is already defined on line ${seen.line}`);
      current = { name, line, index, entries: [] };
      sections.push(current);
      byName.set(name, current);
      return lines.push({ kind: 'section', line, name });
    }

    const eq = body.indexOf('=');
    const colon = body.indexOf(':');
    const delimiter = eq === -1 ? colon : colon === -1 ? eq : Math.min(eq, colon);
    if (delimiter === -1) fail('expected [profile], key = value, or a # comment');
    const key = body.slice(0, delimiter).trim().toLowerCase();
    if (!key) fail('a key name is missing before the "=" sign');
    if (!current) fail(`${quoteKey(key)} comes before any [profile] line`);
    const dup = current!.entries.find((e) => e.key === key);
    if (dup) fail(`${quoteKey(key)} is already set in [${current!.name}] on line ${dup.line}`);
    const after = body.slice(delimiter + 1);
    const valueStart = delimiter + 1 + (after.length - after.trimStart().length);
    const value = after.trim();
    const entry: EntryLine = {
      kind: 'entry', line, key, value, delimiter, valueStart, valueEnd: valueStart + value.length, section: current!.name,
    };
    current!.entries.push(entry);
    return lines.push(entry);
  });

  const firstEol = raw.find((l) => l.eol)?.eol;
  return { raw, lines, sections, eol: firstEol === '\r\n' ? '\r\n' : '\n' };
}
