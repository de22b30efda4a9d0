// @alcalzone/ansi-tokenize (styledChars.js) makes every character of every drawn line as
// `{ ...token, styles }`; on Node 20 each object made by a spread gets a V8 hidden class of its
// own (4,800 a frame at 120x40). The same object written out field by field shares one. Wired in
// by scripts/build-plugins.mjs (ansiTokenizeSharedShapes); equal to the spread for every token
// the tokenizer makes (test/scale-patches.test.ts).

export interface CharToken {
  type: string;
  value: string;
  fullWidth: boolean;
}

export function styledChar<S>(token: CharToken, codes: Iterable<S>): CharToken & { styles: S[] } {
  return { type: token.type, value: token.value, fullWidth: token.fullWidth, styles: [...codes] };
}
