// Loading progress in words a person uses: what is counted, how far.
import type { LoadProgress } from '../../identity/types.js';

const NOUN: Record<LoadProgress['phase'], string> = { users: 'users', credentials: 'credentials', oauth: 'OAuth clients' };

/** A load's progress as shown: with the seconds left of a pause for the rate limit, counted down. */
export type ShownProgress = LoadProgress & { waitSeconds?: number };

/** "Loading… 3,412 of 79,178 users", and "· rate limit reached, resuming in 41 s" while paused. */
export function progressText(p: ShownProgress | null): string {
  if (!p) return 'Loading credentials…';
  const n = (x: number) => x.toLocaleString('en-US');
  const text = `Loading… ${n(p.done)}${p.total === null ? '' : ` of ${n(p.total)}`} ${NOUN[p.phase]}`;
  return p.waitSeconds === undefined ? text : `${text} · rate limit reached, resuming in ${p.waitSeconds} s`;
}
