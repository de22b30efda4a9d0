// How far V8 lets the heap grow before its next full collection. By default it grows to about
// twice what survived the last one; a load of 100,000 credentials keeps ~150 MB alive while it
// makes several times that in short-lived pages, strings and arrays, so the process peaked near
// 400 MB. Growing by a fifth collects sooner and oftener. Measured at 101,064 credentials
// (tmux and /usr/bin/time against `vcreds emulator --users 80000 --page-size-cap 500`):
// `list --json` 296 -> ~200 MB peak RSS in the same time, `list --csv --no-sort` 209 -> 145 MB,
// the interactive list 390 -> ~280 MB for ~1.5 s more load time. `vcreds emulator` goes back to
// V8's own growth: it serves a whole organisation from memory, and collecting oftener slowed its
// answers (a load of 100,000 through it took a second longer).
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 20;

/** Call first thing: the setting applies to every limit V8 computes from then on. */
export function keepHeapSmall(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** V8's own growth again (0: its default, a factor it picks from how fast it collects). */
export function restoreHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=0');
}
