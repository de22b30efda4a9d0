// The first Intl.Segmenter of a process loads ICU's break rules (~10 ms). slice-ansi makes one
// when it is loaded and Ink's line tokenizer (@alcalzone/ansi-tokenize) segments every line it
// draws. These stand in for them (scripts/build-plugins.mjs): the segmenter is made on first
// use, and text made only of narrow characters and ESC (each its own grapheme) is split without
// one, so the first frame needs none. The same segments (test/scale-patches.test.ts).
import { NARROW_CLASS } from './narrow.js';

export interface GraphemeSegment {
  segment: string;
  index: number;
}

/** An Intl.Segmenter (graphemes) made the first time it segments. */
export function lazySegmenter(): { segment(text: string): Iterable<GraphemeSegment> } {
  let real: Intl.Segmenter | undefined;
  return { segment: (text) => (real ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text) };
}

const SIMPLE = new RegExp(`^[\\x1b${NARROW_CLASS}]*$`);
const shared = lazySegmenter();

/** The graphemes of `text` with their indexes, as Intl.Segmenter gives them. */
export function graphemes(text: string): Iterable<GraphemeSegment> {
  if (!SIMPLE.test(text)) return shared.segment(text);
  const out = new Array<GraphemeSegment>(text.length);
  for (let index = 0; index < text.length; index++) out[index] = { segment: text[index]!, index };
  return out;
}
