// Secrets the server created that are not yet safely somewhere else (saved to a profile, copied,
// or knowingly abandoned). In memory only: if the app crashes or is killed, its exit handler
// prints what is still held after leaving the alternate screen, so a secret is never lost.

export interface UnsavedSecret {
  /** What it is, e.g. `HMAC key 3e9d… of alice@example.com`. */
  label: string;
  /** Exactly what the user needs to keep, one line each (e.g. the id and the secret). */
  lines: string[];
}

const held = new Map<number, UnsavedSecret>();
let nextId = 0;

/** Holds a secret until the returned function is called (calling it again does nothing). */
export function holdSecret(label: string, lines: string[]): () => void {
  const id = ++nextId;
  held.set(id, { label, lines: [...lines] });
  return () => {
    held.delete(id);
  };
}

/** What is still held, oldest first (copies: callers cannot change the registry). */
export function unsavedSecrets(): UnsavedSecret[] {
  return [...held.values()].map((s) => ({ label: s.label, lines: [...s.lines] }));
}

/** The text an exit handler prints (empty when nothing is held). */
export function unsavedSecretsText(): string {
  const all = unsavedSecrets();
  if (all.length === 0) return '';
  const blocks = all.map((s) => [s.label, ...s.lines.map((l) => `  ${l}`)].join('\n'));
  return `vcreds: ${all.length === 1 ? 'this secret was' : 'these secrets were'} created but not saved. Keep ${all.length === 1 ? 'it' : 'them'} now; ${all.length === 1 ? 'it is' : 'they are'} not shown again:\n${blocks.join('\n')}\n`;
}
