// Copy through the terminal (OSC 52) rather than a local clipboard tool, so it works over SSH.
// tmux swallows OSC 52 unless it is wrapped in its DCS passthrough, with every ESC doubled.

const ESC = '\x1b';
const BEL = '\x07';

export function osc52(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const seq = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
  if (!env.TMUX) return seq;
  return `${ESC}Ptmux;${seq.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}

export function copyToClipboard(text: string, stdout: NodeJS.WriteStream): void {
  stdout.write(osc52(text));
}
