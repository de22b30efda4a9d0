// One-line text editing from Ink key events, pure so every screen edits text the same way.

export interface KeyLike {
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
}

/** The edited value, or null when the key is not an edit (navigation, Enter, Esc…). */
export function editText(value: string, input: string, key: KeyLike): string | null {
  // Most terminals send DEL (\x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace || key.delete) return value.slice(0, -1 - (/[\uDC00-\uDFFF]$/.test(value) ? 1 : 0));
  if (key.ctrl && input === 'u') return '';
  if (key.ctrl && input === 'w') return value.replace(/\S+\s*$/, '');
  if (key.ctrl || key.meta || key.return || key.escape || key.tab) return null;
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return null;
  // Pasted text arrives as one string; keep only printable characters.
  const printable = input.replace(/[\x00-\x1f\x7f]/g, '');
  return printable ? value + printable : null;
}
