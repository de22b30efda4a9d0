// What the keyboard sends, as events the app understands. Ink splits stdin into runs of text and
// single escape sequences; this turns each into key events, and a bracketed paste (ESC[200~ …
// ESC[201~, possibly over many reads) into ONE paste event, so pasted text is never read as
// commands. Pure and iterative: a burst of any size is one pass over its characters.

export type KeyEvent =
  /** A named key: 'up', 'enter', 'esc', 'backspace', 'ctrl+c', 'f1', … */
  | { kind: 'key'; name: string }
  /** Printable text typed (one character, or several typed faster than a read). */
  | { kind: 'text'; text: string }
  /** Text pasted in one go (bracketed paste). */
  | { kind: 'paste'; text: string };

const ESC = '\x1b';
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;

/** Escape sequences by their final part (after ESC[ or ESCO, modifiers dropped). */
const CSI_NAMES: Record<string, string> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift+tab', P: 'f1',
  '1~': 'home', '7~': 'home', '4~': 'end', '8~': 'end', '3~': 'delete', '5~': 'pgup', '6~': 'pgdn', '11~': 'f1',
};

/** A CSI/SS3 sequence's name, or null for one the app ignores (focus reports, mouse, F-keys). */
function sequenceName(seq: string): string | null {
  const body = seq.startsWith(`${ESC}[`) || seq.startsWith(`${ESC}O`) ? seq.slice(2) : '';
  if (!body) return null;
  // ESC[1;5A (ctrl+up) and ESC[5;2~ carry modifiers the app does not distinguish.
  const m = /^(\d*)(?:;\d+)?([A-Za-z~])$/.exec(body.replace(/^\[/, ''));
  if (!m) return null;
  const [, num, final] = m;
  return CSI_NAMES[final === '~' ? `${num}~` : final!] ?? null;
}

/** Control characters of a text run as named keys (terminals send Backspace as DEL). */
function controlName(code: number): string | null {
  if (code === 0x0d || code === 0x0a) return 'enter';
  if (code === 0x09) return 'tab';
  if (code === 0x7f || code === 0x08) return 'backspace';
  if (code >= 0x01 && code <= 0x1a) return `ctrl+${String.fromCharCode(code + 0x60)}`;
  return null;
}

export class KeyDecoder {
  /** Text of a paste still arriving, or null outside a paste. */
  private pasting: string[] | null = null;

  /** One input string from Ink (a text run or one escape sequence) → events, in order. */
  push(input: string): KeyEvent[] {
    const out: KeyEvent[] = [];
    let rest = input;
    while (rest) {
      if (this.pasting) {
        const end = rest.indexOf(PASTE_END);
        this.pasting.push(end === -1 ? rest : rest.slice(0, end));
        if (end === -1) return out;
        out.push({ kind: 'paste', text: this.pasting.join('') });
        this.pasting = null;
        rest = rest.slice(end + PASTE_END.length);
        continue;
      }
      const start = rest.indexOf(PASTE_START);
      const before = start === -1 ? rest : rest.slice(0, start);
      this.decode(before, out);
      if (start === -1) return out;
      this.pasting = [];
      rest = rest.slice(start + PASTE_START.length);
    }
    return out;
  }

  /** True while a paste has started and not yet ended (its text is held until it ends). */
  get inPaste(): boolean {
    return this.pasting !== null;
  }

  private decode(input: string, out: KeyEvent[]): void {
    if (!input) return;
    if (input.startsWith(ESC)) {
      if (input === ESC) return void out.push({ kind: 'key', name: 'esc' });
      if (input[1] === '[' || input[1] === 'O') {
        const name = sequenceName(input);
        if (name) out.push({ kind: 'key', name });
        return;
      }
      // ESC then a key, faster than a frame: Esc, then that key (the app has no Alt bindings).
      out.push({ kind: 'key', name: 'esc' });
      return this.decode(input.slice(1), out);
    }
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    for (const ch of input) {
      const code = ch.codePointAt(0)!;
      if (code < 0x20 || code === 0x7f) {
        flush();
        const name = controlName(code);
        if (name) out.push({ kind: 'key', name });
      } else if (code >= 0x80 && code <= 0x9f) {
        // C1 controls are never typed; drop them rather than let them reach a field.
        continue;
      } else {
        text += ch;
      }
    }
    flush();
  }
}

/** Enables bracketed paste (the terminal wraps pasted text in markers); undone by PASTE_OFF. */
export const PASTE_ON = `${ESC}[?2004h`;
export const PASTE_OFF = `${ESC}[?2004l`;
