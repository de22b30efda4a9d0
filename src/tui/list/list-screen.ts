// Where everything of the list screen goes, for a terminal size: the header, the table's height
// and columns, the status line, the hints. Pure: the view draws it, and the key handlers use the
// same numbers (a page is as many rows as the table shows).
import { COLUMNS } from '../columns.js';
import { fitColumns, type LaidOutColumn } from '../column-layout.js';
import { hintLines } from '../frame/hint-bar.js';
import { LIST_BINDINGS, SEARCH_BINDINGS } from '../bindings.js';
import { countByStatus, countsText, expiryBanner, filterChips, nextExpiryText, type ExpiryBanner } from '../summary.js';
import type { Model } from '../app/model.js';
import { topOf } from '../app/model.js';
import { listRows, memoLast, selectedCredential } from './rows.js';
import type { CredentialView } from '../../model/credential.js';
import type { Caller } from '../../identity/types.js';
import { cellWidth } from '../truncate.js';

// Counted once per load, not once per key; the next expiry (in words) is on the same line.
const countsMemo = memoLast((views: readonly CredentialView[], now: number) => ({ counts: countsText(countByStatus(views)), next: nextExpiryText(views, now) }));

/** The counts, then the next expiry; on a terminal too narrow for both, the next expiry first, so it is never cut. */
function countsLine(c: { counts: string; next: string | null }, width: number): string {
  if (!c.next) return c.counts;
  const line = `${c.counts} · ${c.next}`;
  return cellWidth(line) <= width ? line : `${c.next} · ${c.counts}`;
}
const bannerMemo = memoLast((views: readonly CredentialView[], caller: Caller) => expiryBanner(views, caller));

/** Width of the selection marker in front of every row. */
export const MARKER_WIDTH = 2;

export interface ListLayout {
  width: number;
  /** Rows the app may draw: one fewer than the terminal (a full-height frame makes Ink redraw it all). */
  height: number;
  counts: string | null;
  chips: string[];
  banner: ExpiryBanner | null;
  headerRows: number;
  columns: LaidOutColumn[];
  hiddenColumns: number;
  /** Rows of credentials the table shows. */
  tableRows: number;
  hints: string[];
}

export function appHeight(model: Pick<Model, 'size'>): number {
  return Math.max(6, model.size.rows - 1);
}

export function listLayout(model: Model): ListLayout {
  const width = Math.max(20, model.size.columns);
  const height = appHeight(model);
  const list = listRows(model);
  const org = model.data.organisation;
  const counts = org ? countsLine(countsMemo(list.views, model.data.now), width) : null;
  const chips = filterChips(model.prefs.filter, model.search.value);
  const banner = org ? bannerMemo(list.views, org.caller) : null;
  const headerRows = 2 + (chips.length ? 1 : 0) + (banner ? 1 : 0);
  // The all-accounts view says whose organisation each credential is, first.
  const ids = model.connection.source === 'all' && !model.prefs.columns.includes('organisation') ? (['organisation', ...model.prefs.columns] as const) : model.prefs.columns;
  const laid = fitColumns(ids.map((id) => COLUMNS[id]), width - MARKER_WIDTH);
  const searching = topOf(model).kind === 'search';
  const bindings = searching ? SEARCH_BINDINGS : LIST_BINDINGS;
  const context = { readOnly: model.readOnly, credential: selectedCredential(model) };
  const hints = hintLines(bindings, context, width);
  // The hints' room does not depend on the selected row (a revoked one offers fewer keys), so the
  // table keeps its height while the selection moves.
  const room = Math.max(hints.length, hintLines(bindings.map((b) => ({ ...b, when: undefined })), context, width).length);
  // Header, the table's heading, the status line and the hints; the table gets the rest.
  const tableRows = Math.max(1, height - headerRows - 1 - 1 - room);
  return { width, height, counts, chips, banner, headerRows, columns: laid.columns, hiddenColumns: laid.hidden, tableRows, hints };
}

/** Where a panel, dialog or the wizard opens over the list: about 80 columns, the header line kept in view. */
export function overlayBox(model: Pick<Model, 'size'>, wide = false): { left: number; top: number; width: number; height: number } {
  const columns = Math.max(20, model.size.columns);
  const width = wide ? columns : Math.min(columns, 80);
  const top = 1;
  return { left: Math.floor((columns - width) / 2), top, width, height: appHeight(model) - top };
}
