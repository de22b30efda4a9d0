// Colour in the TUI is an extra, never the only signal (statuses carry a symbol and a word).
// NO_COLOR (no-color.org) turns it off; bold, dim and inverse stay, since they are not colour
// and the cursor and the selection are drawn with them. Ink's chalk does not read NO_COLOR itself.

/** True unless NO_COLOR is set to a non-empty value. */
export function colourEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

/** The colour to hand to Ink's `color` prop: itself, or nothing under NO_COLOR. */
export function colour<C extends string>(c: C | undefined, env: NodeJS.ProcessEnv = process.env): C | undefined {
  return c !== undefined && colourEnabled(env) ? c : undefined;
}
