// Ink's Output (ink/build/output.js), patched by scripts/build-plugins.mjs (inkFrameCaches):
//
// - Ink measures and tokenizes every line of every frame afresh (its caches live one frame); a
//   key press changes a line or two, so the caches are kept across frames, starting over when
//   they grow large (~10 frames of distinct lines; a line's styled characters take ~5 KB).
// - It fills each frame's grid with a new blank-cell object per cell: 9,600 objects a frame at
//   120x40, enough for V8 to allocate them straight into the old generation, where they pile up
//   as garbage. Cells are only read or replaced whole, so every blank cell can be one object.

export interface OutputCachesLike {
  styledChars: { size: number };
  widths: { size: number };
}

/** One blank cell for every blank position of every frame (Ink only reads cells, or replaces them). */
export const BLANK_CELL: { type: 'char'; value: ' '; fullWidth: false; styles: never[] } = { type: 'char', value: ' ', fullWidth: false, styles: [] };

export const MAX_STYLED_LINES = 400;
export const MAX_WIDTHS = 4000;

/** Caches shared by every frame: `create()` once, again only when they have grown large. */
export function sharedCaches<C extends OutputCachesLike>(create: () => C): () => C {
  let caches: C | undefined;
  return () => {
    if (!caches || caches.styledChars.size > MAX_STYLED_LINES || caches.widths.size > MAX_WIDTHS) caches = create();
    return caches;
  };
}
