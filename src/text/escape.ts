// Text from others (a server, a file, an argument) is data, never terminal control: these turn
// every control character into a visible escape before the text reaches a terminal, a table or a
// spreadsheet. Pure functions, shared by the CLI and the TUI.

/** The short escapes people know from C and shells; every other control is shown by its number. */
const NAMED: Record<number, string> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
};

// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F). C1 matters too: some terminals act
// on U+009B as CSI, the same as ESC [.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

function hex2(code: number): string {
  return code.toString(16).padStart(2, '0');
}

/** The visible form of one control character. */
function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  const named = NAMED[code];
  if (named) return named;
  // C1 characters are code points, not bytes (in UTF-8 they take two): \u{..} says so.
  return code >= 0x80 ? `\\u{${hex2(code)}}` : `\\x${hex2(code)}`;
}

export interface EscapeOptions {
  /**
   * true for anything shown on one line (a table cell, a field, an error message): a line feed
   * becomes `\n` too. false for multi-line text (a description shown as a block): line feeds stay
   * real newlines; every other control, CR included, is still escaped.
   */
  oneLine: boolean;
}

/**
 * Shows every C0 control (U+0000–U+001F), DEL (U+007F) and C1 control (U+0080–U+009F) of `text`
 * as a visible escape: ESC → `\e`, BEL → `\a`, CR → `\r`, LF → `\n` (kept as a newline when
 * `oneLine` is false), TAB → `\t`, NUL → `\0`, BS → `\b`, VT → `\v`, FF → `\f`, other C0 and DEL
 * → `\xNN`, C1 → `\u{NN}`. Everything else, backslashes and non-ASCII letters included, is left
 * as it is, so ordinary names look the same.
 *
 * Use it on any text that someone else chose (credential names, descriptions, user names, server
 * messages, command-line arguments echoed back) right before it is drawn. The result holds no
 * control character, so a terminal width computed on it (string-width) is the width drawn.
 * Machine output (JSON) should keep the exact text instead: see jsonText.
 */
export function escapeControl(text: string, options: EscapeOptions): string {
  if (!CONTROL.test(text)) return text; // the common case: no copy
  return text.replace(CONTROLS, (ch) => (ch === '\n' && !options.oneLine ? ch : visible(ch)));
}

/** True when `text` holds a control character that escapeControl would change. */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

// OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: neutralised against formula injection (OWASP: a cell starting with `=`, `+`,
 * `-`, `@`, TAB or CR gets a leading `'`, which spreadsheets show as text), then quoted per RFC
 * 4180 when it holds a comma, a double quote, CR or LF (quotes doubled). Escape control characters
 * (escapeControl) before, when the CSV may be looked at in a terminal.
 */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * JSON.stringify, with DEL and the C1 controls also written as `\u00NN` escapes. JSON.stringify
 * escapes C0 itself but leaves U+007F–U+009F raw; written as escapes the parsed value is exactly
 * the same, and a terminal showing the output is never given a C1 control.
 */
export function jsonText(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return text.replace(/[\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
