// The expiry timeline (T from the list): one bar per week, four weeks back and thirteen ahead,
// stacked by status, from the report's buckets (src/ops/report.ts weeklyBuckets) and its bars
// (src/report/markdown.ts unicodeBar). Block characters, or ASCII under NO_COLOR or a terminal
// whose locale is not UTF-8. Choosing a bar filters the list to that week. Pure.
import type { CredentialStatus, CredentialView } from '../../model/credential.js';
import { DAY_MS } from '../../model/credential.js';
import type { CredentialFilter } from '../../model/filter.js';
import { matchesFilter, isFilterEmpty } from '../../model/filter.js';
import { TIMELINE_WEEKS_BACK, weeklyBuckets, type Timeline, type WeekBucket } from '../../ops/report.js';
import { CHART_STATUSES } from '../../report/common.js';
import { BAR_CHARS, unicodeBar } from '../../report/markdown.js';
import type { Row, Segment, Tone } from '../frame/rows.js';
import { memoLast } from '../list/rows.js';
import { colourEnabled } from '../palette.js';

export type Charset = 'unicode' | 'ascii';
export type ChartStatus = Exclude<CredentialStatus, 'revoked'>;

/** The report's block characters, and their ASCII stand-ins (`.` marks an empty count). */
export const TIMELINE_CHARS: Record<Charset, Record<ChartStatus, string> & { none: string; cursor: string }> = {
  unicode: { ...BAR_CHARS, none: '·', cursor: '›' },
  ascii: { expired: '#', expiring: '=', superseded: '+', active: '-', none: '.', cursor: '>' },
};

/** Each status's colour (never the only signal: each has its own character too). */
export const STATUS_TONE: Record<ChartStatus, Tone> = { expired: 'fail', expiring: 'warn', superseded: 'accent', active: 'ok' };
const STATUS_WORD: Record<ChartStatus, string> = { expired: 'expired', expiring: 'expiring', superseded: 'superseded', active: 'active' };

/**
 * Block characters unless colour is off (NO_COLOR: such terminals are often plain ones, and the
 * blocks' shading is then the only signal) or the locale is not UTF-8. The first of LC_ALL,
 * LC_CTYPE and LANG that is set decides, as the C library does; with none set, UTF-8 is assumed
 * (the app's frames are drawn with box characters anyway).
 */
export function chartCharset(env: NodeJS.ProcessEnv = process.env): Charset {
  if (!colourEnabled(env)) return 'ascii';
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return 'unicode';
  return /utf-?8/i.test(locale) ? 'unicode' : 'ascii';
}

export interface TimelineState {
  /** The chosen bar: an index into the timeline's weeks. */
  cursor: number;
}

/** Opens on this week. */
export function initialTimeline(): TimelineState {
  return { cursor: TIMELINE_WEEKS_BACK };
}

export function timelineMove(s: TimelineState, to: number | 'first' | 'last', weeks: number): TimelineState {
  const cursor = to === 'first' ? 0 : to === 'last' ? weeks - 1 : s.cursor + to;
  return { cursor: Math.max(0, Math.min(weeks - 1, cursor)) };
}

const withoutWindow = (f: CredentialFilter): CredentialFilter => {
  const { expiresFrom: _from, expiresTo: _to, ...rest } = f;
  return rest;
};

/**
 * The buckets of what the list's filters keep (a week chosen before is left out, else the chart
 * would show only that week); the search text is not applied. Memoised per load and filter.
 */
export const timelineOf = memoLast((views: readonly CredentialView[], now: number, filter: CredentialFilter): Timeline => {
  const f = withoutWindow(filter);
  const kept = isFilterEmpty(f) ? views : views.filter((c) => matchesFilter(c, f));
  return weeklyBuckets(kept, now);
});

/** True when the list's filters (other than a week) narrow what the timeline counts. */
export function timelineFiltered(filter: CredentialFilter): boolean {
  return !isFilterEmpty(withoutWindow(filter));
}

/** The filter that keeps one week: its dates, other filters unchanged. */
export function weekFilter(filter: CredentialFilter, w: Pick<WeekBucket, 'start' | 'end'>): CredentialFilter {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { ...filter, expiresFrom: day(w.start), expiresTo: day(w.end) };
}

/** "2 expired · 1 expiring · 3 active", or "nothing". */
export function weekBreakdown(w: WeekBucket): string {
  const parts = CHART_STATUSES.filter((s) => w.counts[s]).map((s) => `${w.counts[s]} ${STATUS_WORD[s]}`);
  return parts.length ? parts.join(' · ') : 'nothing';
}

/** The frame's title: the chosen week and what stops working in it. */
export function timelineTitle(t: Timeline, cursor: number): string {
  const w = t.weeks[cursor]!;
  const when = w.offset === 0 ? 'this week' : `week of ${w.startDate}`;
  return `Expiry timeline · ${when}: ${w.total ? `${w.total} (${weekBreakdown(w)})` : 'nothing stops working'}`;
}

const digits = (n: number) => String(n).length;

interface Columns {
  count: number;
  bar: number;
}

function columnsOf(t: Timeline, width: number): Columns {
  const count = Math.max(3, digits(t.max));
  // "› " + date + " " + "now" + " " + count + " ": the rest is the bar's.
  const bar = Math.max(4, width - (2 + 10 + 1 + 3 + 1 + count + 1));
  return { count, bar };
}

/** A week's bar as coloured runs, one per status, never wider than `width`. */
export function barSegments(w: WeekBucket, max: number, width: number, charset: Charset): Segment[] {
  const bar = unicodeBar(w, max, width);
  const runs: { status: ChartStatus; n: number }[] = [];
  for (const s of CHART_STATUSES) {
    const n = [...bar].filter((ch) => ch === BAR_CHARS[s]).length;
    if (n) runs.push({ status: s, n });
  }
  // unicodeBar gives every status present at least one cell: the sum may pass the width by a few.
  let over = runs.reduce((a, r) => a + r.n, 0) - width;
  while (over > 0) {
    const longest = runs.reduce((a, r) => (r.n > a.n ? r : a));
    if (longest.n <= 1) break;
    longest.n -= 1;
    over -= 1;
  }
  return runs.map((r) => ({ text: TIMELINE_CHARS[charset][r.status].repeat(r.n), tone: STATUS_TONE[r.status] }));
}

/** The legend, in the header row: what each character stands for, each in its colour. */
export function legendSegments(charset: Charset): Segment[] {
  return CHART_STATUSES.flatMap((s, i) => [
    ...(i ? [{ text: '  ' }] : []),
    { text: TIMELINE_CHARS[charset][s], tone: STATUS_TONE[s] },
    { text: ` ${STATUS_WORD[s]}` },
  ]);
}

/** The header row above the bars: column names and the legend. */
export function timelineHeader(t: Timeline, width: number, charset: Charset): Row {
  const c = columnsOf(t, width);
  return [{ text: `  ${'Week of'.padEnd(10)}     ${'all'.padStart(c.count)} `, tone: 'dim' }, ...legendSegments(charset)];
}

/** One row per week: cursor, date, "now" on this week, the count, the bar. */
export function timelineBars(t: Timeline, cursor: number, width: number, charset: Charset): Row[] {
  const c = columnsOf(t, width);
  const chars = TIMELINE_CHARS[charset];
  return t.weeks.map((w, i): Row => {
    const chosen = i === cursor;
    const now = w.offset === 0;
    return [
      { text: `${chosen ? chars.cursor : ' '} ${w.startDate}`, tone: chosen ? 'selected' : now ? 'bold' : w.offset < 0 ? 'dim' : 'plain' },
      { text: now ? ' now ' : '     ', tone: 'bold' },
      { text: (w.total ? String(w.total) : chars.none).padStart(c.count), tone: w.total ? 'plain' : 'dim' },
      { text: ' ' },
      ...barSegments(w, t.max, c.bar, charset),
    ];
  });
}

/** Below the bars, when there is room: what the chart leaves out, and what Enter does. */
export function timelineNotes(t: Timeline, filtered: boolean): string[] {
  const w = 7 * DAY_MS;
  const span = `${t.weeks[0]!.startDate} to ${new Date(t.weeks[t.weeks.length - 1]!.start + w - DAY_MS).toISOString().slice(0, 10)}`;
  return [
    `Credentials in the week they stop working (${span}, weeks from Monday, UTC); revoked ones are left out.`,
    `Outside the chart: ${t.earlier} ended earlier · ${t.later} end later · ${t.never} never expire.`,
    ...(filtered ? ['Counting what the list\'s filters keep (x in the list clears them).'] : []),
    '⏎ shows the chosen week\'s credentials in the list.',
  ];
}
