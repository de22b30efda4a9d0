// Copy through the terminal (OSC 52) rather than a local clipboard tool, so it works over SSH.
// The plain sequence is what terminals and tmux itself handle: tmux 3.3+ with `set-clipboard on`
// (or the default `external`) takes it into its buffer and forwards it, and drops sequences
// wrapped for passthrough unless `allow-passthrough` is on. Only GNU screen needs a wrapper.

const ESC = '\x1b';
const BEL = '\x07';

export type ClipboardRoute = 'terminal' | 'tmux' | 'screen';

/** Where an OSC 52 sequence goes from here, by the environment the app runs in. */
export function clipboardRoute(env: NodeJS.ProcessEnv = process.env): ClipboardRoute {
  if (env.TMUX) return 'tmux';
  if (env.STY || (env.TERM ?? '').startsWith('screen')) return 'screen';
  return 'terminal';
}

export function osc52(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const seq = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
  // GNU screen passes a sequence on to the outer terminal only inside its DCS wrapper.
  return clipboardRoute(env) === 'screen' ? `${ESC}P${seq}${ESC}\\` : seq;
}

/** What the status line says was done, so a user knows where to look. */
export function copiedWhere(env: NodeJS.ProcessEnv = process.env): string {
  switch (clipboardRoute(env)) {
    case 'tmux': return "sent to tmux (OSC 52): its paste buffer with set-clipboard on, and the terminal's clipboard if it allows";
    case 'screen': return "sent through GNU screen to the terminal's clipboard (OSC 52)";
    case 'terminal': return "sent to the terminal's clipboard (OSC 52; the terminal must allow clipboard access)";
  }
}

export function copyToClipboard(text: string, stdout: NodeJS.WriteStream): void {
  stdout.write(osc52(text));
}
