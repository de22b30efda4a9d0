import type { AppContext } from '../src/app-context.js';
import type { Organisation } from '../src/identity/types.js';
import type { CredentialView } from '../src/model/credential.js';
import type { ColumnId } from '../src/config/preferences-types.js';
import type { CredentialFilter, SortOrder } from '../src/model/filter.js';
import type { DetailsCommand } from '../src/tui/keymaps.js';
import type { Screen } from '../src/tui/screens.js';
import { ColumnChooser } from './column-chooser.js';
import { CreateWizard } from './create-wizard.js';
import { DetailsView } from './details-view.js';
import { FilterPanel } from './filter-panel.js';
import { HelpOverlay } from './help-overlay.js';
import { PlaceholderScreen } from './placeholder-screen.js';
import { RevokeDialog } from './revoke-dialog.js';
import { RotateDialog } from './rotate-dialog.js';
import { SortPicker } from './sort-picker.js';

export interface ScreenViewProps {
  screen: Screen;
  width: number;
  height: number;
  ctx: AppContext;
  organisation: Organisation | null;
  views: readonly CredentialView[];
  prefs: {
    columns: ColumnId[];
    sort: SortOrder;
    filter: CredentialFilter;
    setColumns(c: ColumnId[]): void;
    setSort(s: SortOrder): void;
    setFilter(f: CredentialFilter): void;
  };
  flash: string | null;
  onDetailsCommand(command: DetailsCommand): void;
  onPop(): void;
  /** A wizard or dialog finished; `changed` asks for a reload. */
  onCloseAction(changed: boolean): void;
  copy(text: string): void;
}

/** Every screen but the list; only the top one is mounted, so only its keys are live. */
export function ScreenView({ screen, width, height, ctx, organisation, views, prefs, flash, onDetailsCommand, onPop, onCloseAction, copy }: ScreenViewProps) {
  const find = (id: string) => views.find((v) => v.id === id);
  switch (screen.kind) {
    case 'details': {
      const c = find(screen.id);
      if (!c) return <PlaceholderScreen title="This credential is no longer in the list" width={width} onClose={onPop} />;
      return <DetailsView credential={c} credentialsPath={ctx.credentialsPath} readOnly={ctx.readOnly} width={width} height={height} flash={flash} isActive onCommand={onDetailsCommand} />;
    }
    case 'filter':
      return (
        <FilterPanel
          filter={prefs.filter}
          views={views}
          width={width}
          height={height}
          isActive
          onApply={(f) => {
            prefs.setFilter(f);
            onPop();
          }}
          onCancel={onPop}
        />
      );
    case 'columns':
      return <ColumnChooser columns={prefs.columns} width={width} height={height} isActive onChange={prefs.setColumns} onClose={onPop} />;
    case 'sort':
      return (
        <SortPicker
          sort={prefs.sort}
          width={width}
          height={height}
          isActive
          onApply={(s) => {
            prefs.setSort(s);
            onPop();
          }}
          onCancel={onPop}
        />
      );
    case 'help':
      return <HelpOverlay width={width} height={height} isActive onClose={onPop} />;
    case 'wizard':
      if (!organisation) return <PlaceholderScreen title="Credentials are still loading" width={width} onClose={onPop} />;
      return <CreateWizard ctx={ctx} organisation={organisation} prefill={screen.prefill} width={width} height={height} onClose={onCloseAction} copy={copy} />;
    case 'revoke':
    case 'rotate': {
      const c = find(screen.id);
      if (!c) return <PlaceholderScreen title="This credential is no longer in the list" width={width} onClose={onCloseAction} />;
      return screen.kind === 'revoke' ? (
        <RevokeDialog ctx={ctx} credential={c} width={width} onClose={onCloseAction} />
      ) : (
        <RotateDialog ctx={ctx} credential={c} width={width} height={height} onClose={onCloseAction} copy={copy} />
      );
    }
    default:
      return null;
  }
}
