// The whole interactive app as one value (Elm/bubbletea style): what is loaded, the screen stack
// with each screen's own state, preferences, messages. Views draw it; update.ts changes it, purely,
// and asks for I/O as effects.
import type { Connection } from '../../app-context.js';
import type { ColumnId } from '../../config/preferences-types.js';
import type { Organisation } from '../../identity/types.js';
import type { ShownProgress } from '../list/progress.js';
import type { CredentialFilter, SortOrder } from '../../model/filter.js';
import type { Editor } from '../input/editor.js';
import type { FilterPanelState } from '../panels/filter-panel.js';
import type { ColumnChooserState } from '../panels/column-chooser.js';
import type { SortPickerState } from '../panels/sort-picker.js';
import type { TimelineState } from '../panels/timeline-view.js';
import type { WizardState } from '../wizard/wizard-state.js';
import type { RevokeState } from '../dialogs/revoke-dialog.js';
import type { RotateState } from '../dialogs/rotate-dialog.js';
import type { SecretState } from '../dialogs/secret-screen.js';
import type { TargetsPanelState } from '../details/targets-panel.js';
import type { AccountsPanelState } from '../accounts/accounts-panel.js';
import type { Account } from '../../ops/all-profiles.js';
import type { TargetBinding } from '../../config/preferences-types.js';
import { EMPTY_EDITOR } from '../input/editor.js';

export type Tone = 'info' | 'ok' | 'warn' | 'error';

export interface Message {
  /** Counts up through the session: tells two messages of the same millisecond apart. */
  seq: number;
  at: number;
  text: string;
  tone: Tone;
}

/** The messages screen keeps this many, whole. */
export const MESSAGES_KEPT = 100;

export type Screen =
  | { kind: 'list' }
  | { kind: 'search' }
  | { kind: 'details'; id: string; scroll: number }
  | { kind: 'filter'; panel: FilterPanelState }
  | { kind: 'columns'; chooser: ColumnChooserState }
  | { kind: 'sort'; picker: SortPickerState }
  | { kind: 'help'; scroll: number }
  | { kind: 'messages'; scroll: number }
  | { kind: 'wizard'; wizard: WizardState }
  | { kind: 'revoke'; dialog: RevokeState }
  | { kind: 'rotate'; dialog: RotateState }
  | { kind: 'secret'; secret: SecretState }
  | { kind: 'targets'; panel: TargetsPanelState }
  | { kind: 'timeline'; timeline: TimelineState }
  | { kind: 'accounts'; panel: AccountsPanelState }
  | { kind: 'command'; editor: Editor; error: string | null };

export type ScreenKind = Screen['kind'];

export interface Prefs {
  columns: ColumnId[];
  sort: SortOrder;
  filter: CredentialFilter;
}

export interface DataState {
  /** During a first load, what has arrived so far (`partial`); then the whole organisation. */
  organisation: Organisation | null;
  /** True while `organisation` holds only the pages that have arrived. */
  partial: boolean;
  loading: boolean;
  progress: ShownProgress | null;
  error: string | null;
  /** The clock at the last load: statuses are derived against it, not on every frame. */
  now: number;
}

export interface Model {
  readOnly: boolean;
  connection: Connection;
  credentialsPath: string;
  /** The credential vcreds signs with (it changes when vcreds renews its own pair). */
  signingKeyId: string | null;
  /** Set once the key vcreds signs with was revoked: every request will fail until restart. */
  signingKeyRevoked: boolean;
  size: { columns: number; rows: number };
  /** The list is the floor; the top screen owns the keyboard. */
  stack: readonly Screen[];
  /** The selected credential, kept by id so it survives filtering, sorting and reloads. */
  selectedId: string | null;
  /** Scroll position of the table: the index in the shown rows of its first line. */
  top: number;
  search: Editor;
  prefs: Prefs;
  data: DataState;
  flash: Message | null;
  messages: readonly Message[];
  /** Requests in flight whose answer carries a new secret: quitting now could lose it. */
  creating: number;
  /** Where credentials are delivered (descriptors only), as kept in the preferences store. */
  targets: readonly TargetBinding[];
  /** The accounts the app can switch to, once listed (A, or :profile NAME). */
  accounts: readonly Account[] | null;
}

export interface ModelInit {
  readOnly: boolean;
  connection: Connection;
  credentialsPath: string;
  signingKeyId: string | null;
  size: { columns: number; rows: number };
  prefs: Prefs;
  targets?: readonly TargetBinding[];
  now: number;
  /** A problem reading the preferences, said once on the status line. */
  prefsError?: string | null;
}

export function initialModel(init: ModelInit): Model {
  const model: Model = {
    readOnly: init.readOnly,
    connection: init.connection,
    credentialsPath: init.credentialsPath,
    signingKeyId: init.signingKeyId,
    signingKeyRevoked: false,
    size: init.size,
    stack: [{ kind: 'list' }],
    selectedId: null,
    top: 0,
    search: EMPTY_EDITOR,
    prefs: init.prefs,
    data: { organisation: null, partial: false, loading: true, progress: null, error: null, now: init.now },
    flash: null,
    messages: [],
    creating: 0,
    targets: init.targets ?? [],
    accounts: null,
  };
  return init.prefsError ? { ...model, flash: { seq: 0, at: init.now, text: init.prefsError, tone: 'warn' } } : model;
}

export function topOf(model: Pick<Model, 'stack'>): Screen {
  return model.stack[model.stack.length - 1]!;
}
