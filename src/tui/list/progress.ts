// Loading progress in words a person uses: what is counted, how far.
import type { LoadProgress } from '../../identity/types.js';

const NOUN: Record<LoadProgress['phase'], string> = { users: 'users', credentials: 'credentials', oauth: 'OAuth clients' };

/** "Loading… 3,412 of 79,178 users". */
export function progressText(p: LoadProgress | null): string {
  if (!p) return 'Loading credentials…';
  const n = (x: number) => x.toLocaleString('en-US');
  return `Loading… ${n(p.done)}${p.total === null ? '' : ` of ${n(p.total)}`} ${NOUN[p.phase]}`;
}
