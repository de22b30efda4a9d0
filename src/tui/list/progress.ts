// Loading progress in words a person uses: what is counted, how far.
import type { LoadProgress } from '../../identity/types.js';

const NOUN: Record<LoadProgress['phase'], string> = { users: 'users', credentials: 'credentials', oauth: 'OAuth clients' };

/** "Loading… 412/5000 users". */
export function progressText(p: LoadProgress | null): string {
  if (!p) return 'Loading credentials…';
  return `Loading… ${p.done}${p.total === null ? '' : `/${p.total}`} ${NOUN[p.phase]}`;
}
