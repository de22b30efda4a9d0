// The app's first frame, written before Ink and React are loaded: loading and starting them
// takes longer than everything else before the first frame together, so the header and the
// "connecting" line go out at once and Ink's <Boot> then draws the same frame over it.
export const ENTER_ALT_SCREEN = '\x1b[?1049h';
export const LEAVE_ALT_SCREEN = '\x1b[?1049l';
export const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';
/** Cursor to the top left, screen below it cleared: where Ink starts drawing. */
export const HOME_AND_CLEAR = '\x1b[H\x1b[J';

export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** The line shown while connecting (and, with --demo, while the emulator starts). */
export function connectingLabel(demo: boolean): string {
  return demo ? 'Starting the demo organisation…' : 'Connecting…';
}

/** Alternate screen, then the header and the connecting line, as <Boot> draws them (bold, no colour). */
export function splashFrame(demo: boolean): string {
  const title = `\x1b[1mvcreds\x1b[22m${demo ? ' \x1b[1;7m DEMO \x1b[27;22m' : ''}`;
  return `${ENTER_ALT_SCREEN}${HIDE_CURSOR}${HOME_AND_CLEAR}${title}\r\n${SPINNER_FRAMES[0]} ${connectingLabel(demo)}\r\n`;
}
