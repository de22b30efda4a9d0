// string-width behind a front that answers the common case — text made of narrow characters,
// every row of the table — without grapheme segmentation, and loads the real module (whose
// start-up builds an Intl.Segmenter and /v Unicode regexes, ~25 ms) only for text that needs it.
// The same answers as string-width for every input (test/scale-patches.test.ts).
//
// Wired in by scripts/build-plugins.mjs (fastStringWidth): every `import 'string-width'` in the
// bundle, Ink's and wrap-ansi's included, gets this front around the one real string-width.
import stripAnsi from 'strip-ansi';
import { NARROW_TEXT } from './narrow.js';

export interface StringWidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

export type StringWidth = (input: string, options?: StringWidthOptions) => number;

/** `loadReal` is called once, the first time a text is not plain narrow characters. */
export function createFastStringWidth(loadReal: () => StringWidth): StringWidth {
  let real: StringWidth | undefined;
  return function stringWidth(input, options) {
    if (typeof input === 'string' && (options === undefined || (options.ambiguousIsNarrow !== false && !options.countAnsiEscapeCodes))) {
      const text = input.includes('\x1b') || input.includes('\x9b') ? stripAnsi(input) : input;
      if (NARROW_TEXT.test(text)) return text.length;
    }
    real ??= loadReal();
    return real(input, options);
  };
}
