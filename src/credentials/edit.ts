// Pure text edit behind the writer: set a profile's id and secret, keeping every other byte.
import { CredentialsError } from './errors.js';
import { joinLines, parseIni, type EntryLine, type IniDocument, type RawLine } from './ini.js';
import { ID_KEY, SECRET_KEY } from './sources.js';

export interface ProfileUpdate {
  profile: string;
  id: string;
  secret: string;
}

function invalid(message: string, hint: string): CredentialsError {
  return new CredentialsError('invalid-update', message, hint);
}

function checkUpdates(updates: readonly ProfileUpdate[]): void {
  const seen = new Set<string>();
  for (const u of updates) {
    if (!u.profile || u.profile !== u.profile.trim() || /[[\]\r\n]/.test(u.profile)) {
      throw invalid(`"${u.profile}" cannot be a profile name.`, 'Use a name without brackets, line breaks or surrounding spaces.');
    }
    if (seen.has(u.profile)) throw invalid(`Profile [${u.profile}] is given twice in one write.`, 'Give each profile once.');
    seen.add(u.profile);
    for (const [field, value] of [['id', u.id], ['secret', u.secret]] as const) {
      if (!value || /\s/.test(value)) {
        throw invalid(`The ${field} for profile [${u.profile}] is empty or contains spaces or line breaks.`, `Pass the ${field} exactly as Veracode returned it.`);
      }
    }
  }
}

/** The spacing around '=' used by the file's first entry, so added lines look like the others. */
function styleOf(doc: IniDocument): { before: string; delimiter: string; after: string } {
  const entry = doc.lines.find((l): l is EntryLine => l.kind === 'entry');
  if (!entry) return { before: ' ', delimiter: '=', after: ' ' };
  const body = doc.raw[entry.line - 1]!.body;
  const before = /\s*$/.exec(body.slice(0, entry.delimiter))![0];
  return { before, delimiter: body[entry.delimiter]!, after: body.slice(entry.delimiter + 1, entry.valueStart) };
}

/** Replaces the value of an existing entry, keeping the key, delimiter and spacing as written. */
function replaceValue(line: RawLine, entry: EntryLine, value: string): void {
  if (entry.value === '') {
    // `key =` with nothing after it: mirror the space before the delimiter, if any.
    const head = line.body.slice(0, entry.delimiter + 1);
    const space = /\s$/.test(line.body.slice(0, entry.delimiter)) ? ' ' : '';
    line.body = `${head}${space}${value}`;
    return;
  }
  line.body = line.body.slice(0, entry.valueStart) + value + line.body.slice(entry.valueEnd);
}

/**
 * Applies the updates to the file's text. Existing values are replaced in place, missing keys are
 * added after the section's last entry, new profiles are appended after a blank line.
 * `path` is for error messages only.
 */
export function applyProfileUpdates(text: string, updates: readonly ProfileUpdate[], path: string): string {
  checkUpdates(updates);
  const doc = parseIni(text, path);
  const raw = doc.raw.map((l) => ({ ...l }));
  const style = styleOf(doc);
  const entryText = (key: string, value: string) => `${key}${style.before}${style.delimiter}${style.after}${value}`;
  // Insertions are collected per raw index and applied from the bottom so indices stay valid.
  const inserts: Array<{ after: number; bodies: string[] }> = [];
  const appended: ProfileUpdate[] = [];

  for (const u of updates) {
    const section = doc.sections.find((s) => s.name === u.profile);
    if (!section) {
      appended.push(u);
      continue;
    }
    const missing: string[] = [];
    for (const [key, value] of [[ID_KEY, u.id], [SECRET_KEY, u.secret]] as const) {
      const entry = section.entries.find((e) => e.key === key);
      if (entry) replaceValue(raw[entry.line - 1]!, entry, value);
      else missing.push(entryText(key, value));
    }
    if (missing.length) {
      const last = section.entries.at(-1);
      inserts.push({ after: last ? last.line - 1 : section.index, bodies: missing });
    }
  }

  for (const { after, bodies } of inserts.sort((a, b) => b.after - a.after)) {
    const anchor = raw[after]!;
    const lines = bodies.map((body) => ({ body, eol: doc.eol as string }));
    // Inserting after a last line that has no terminator: it gets one, and the new last line doesn't.
    if (anchor.eol === '') {
      anchor.eol = doc.eol;
      lines.at(-1)!.eol = '';
    }
    raw.splice(after + 1, 0, ...lines);
  }

  let out = joinLines(raw);
  if (appended.length) {
    const blocks = appended.map((u) => [`[${u.profile}]`, entryText(ID_KEY, u.id), entryText(SECRET_KEY, u.secret)].join(doc.eol) + doc.eol);
    if (out !== '' && !/\r?\n$/.test(out)) out += doc.eol;
    const endsBlank = out === '' || /(^|\n)[ \t]*\r?\n$/.test(out);
    out += (endsBlank ? '' : doc.eol) + blocks.join(doc.eol);
  }
  return out;
}
