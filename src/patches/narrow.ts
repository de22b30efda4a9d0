// The characters string-width measures as exactly one cell on their own and that never join a
// neighbour into one grapheme: a string made only of them is as wide as it is long, and each of
// its UTF-16 units is its own grapheme. Latin, Greek, Cyrillic, punctuation, arrows, box drawing,
// the status symbols and the spinner's braille are in; emoji, CJK and combining marks are not.
//
// The ranges are computed from the pinned string-width (package.json) by `narrowRanges`, and
// test/scale-patches.test.ts checks that they still are what it computes: a new string-width
// that measures one of them differently fails that test, not the app.

/** Inclusive code-unit ranges (all in the BMP). */
export const NARROW_RANGES: readonly (readonly [number, number])[] = [
  [32, 126], [160, 172], [174, 591], [880, 1154], [1162, 1327], [8208, 8233], [8239, 8286],
  [8592, 8959], [9472, 9724], [9727, 9747], [9750, 9775], [9784, 9799], [9812, 9854],
  [9856, 9865], [9872, 9874], [9876, 9888], [9890, 9897], [9900, 9916], [9919, 9923],
  [9926, 9933], [9935, 9939], [9941, 9961], [9963, 9969], [9972, 9972], [9974, 9977],
  [9979, 9980], [9982, 9988], [9990, 9993], [9996, 10023], [10025, 10059], [10061, 10061],
  [10063, 10066], [10070, 10070], [10072, 10132], [10136, 10159], [10161, 10174], [10240, 10495],
];

/** Where the ranges are looked for. */
const CANDIDATES: readonly (readonly [number, number])[] = [[0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x52f], [0x2010, 0x205e], [0x2190, 0x22ff], [0x2500, 0x27bf], [0x2800, 0x28ff]];

/** NARROW_RANGES as computed from a string-width (the test's and a future update's tool). */
export function narrowRanges(stringWidth: (s: string) => number): [number, number][] {
  const segmenter = new Intl.Segmenter();
  const graphemes = (s: string) => [...segmenter.segment(s)].length;
  const ranges: [number, number][] = [];
  for (const [from, to] of CANDIDATES) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (stringWidth(ch) !== 1 || graphemes(`a${ch}`) !== 2 || graphemes(`${ch}a`) !== 2 || stringWidth(`a${ch}a`) !== 3) continue;
      const last = ranges.at(-1);
      if (last && last[1] === c - 1) last[1] = c;
      else ranges.push([c, c]);
    }
  }
  return ranges;
}

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/** The ranges as the body of a regular-expression character class. */
export const NARROW_CLASS = NARROW_RANGES.map(([a, z]) => (a === z ? hex(a) : `${hex(a)}-${hex(z)}`)).join('');

/** Text made only of narrow characters. */
export const NARROW_TEXT = new RegExp(`^[${NARROW_CLASS}]*$`);
