// The account switcher's and the `:` command line's commands, and the answers of their effects.
import type { Account } from '../../ops/all-profiles.js';
import type { AccountsCommand, CommandLineCommand } from '../bindings.js';
import { chosen, initialAccountsPanel, parseCommandLine, withAccounts, withProbe } from '../accounts/accounts-panel.js';
import { EMPTY_EDITOR, editorReducer, type Edit } from '../input/editor.js';
import type { Model, Screen } from './model.js';
import { step, unreachable, type Step } from './messages.js';
import { notify } from './notify.js';
import { pop, push } from './stack.js';
import { replaceTop } from './stack.js';

type Accounts = Extract<Screen, { kind: 'accounts' }>;
type CommandLine = Extract<Screen, { kind: 'command' }>;

export function openAccounts(model: Model): Step {
  return step(push(model, { kind: 'accounts', panel: initialAccountsPanel() }), { kind: 'list-accounts' });
}

export function openCommandLine(model: Model): Step {
  return step(push(model, { kind: 'command', editor: EMPTY_EDITOR, error: null }), { kind: 'list-accounts' });
}

function switchTo(model: Model, account: Account | 'all'): Step {
  const here = model.connection.source === 'all' ? 'all' : model.connection.profile;
  const target = account === 'all' ? 'all' : account.profile;
  if (here === target && (account === 'all' || model.connection.source !== 'env' || account.profile === null)) {
    return notify(pop(model), 'Already on that account.');
  }
  return step(model, { kind: 'switch-account', account });
}

export function onAccountsCommand(model: Model, screen: Accounts, command: AccountsCommand): Step {
  const p = screen.panel;
  const last = p.rows ? p.rows.length + (p.rows.length > 1 ? 0 : -1) : 0;
  const set = (cursor: number) => step(replaceTop(model, { ...screen, panel: { ...p, cursor: Math.max(0, Math.min(last, cursor)) } }));
  switch (command) {
    case 'up': return set(p.cursor - 1);
    case 'down': return set(p.cursor + 1);
    case 'choose': {
      const c = chosen(p);
      return c ? switchTo(model, c) : step(model);
    }
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}

export function onAccountsListed(model0: Model, accounts: Account[], problem: string | null): Step {
  const model = { ...model0, accounts };
  const top = model.stack[model.stack.length - 1];
  if (top?.kind !== 'accounts') return step(model);
  const current = model.connection.source === 'file' ? model.connection.profile : null;
  const panel = { ...withAccounts(top.panel, accounts, current), problem };
  return step(replaceTop(model, { ...top, panel }), ...(accounts.length ? [{ kind: 'probe-accounts', accounts } as const] : []));
}

export function onAccountProbed(model: Model, name: string, probe: { host: string | null; admin: boolean | null; error: string | null }): Step {
  const at = model.stack.findIndex((s) => s.kind === 'accounts');
  if (at < 0) return step(model);
  const screen = model.stack[at] as Accounts;
  const stack = [...model.stack];
  stack[at] = { ...screen, panel: withProbe(screen.panel, name, probe) };
  return step({ ...model, stack });
}

export function onCommandLineEdit(model: Model, screen: CommandLine, edit: Edit): Step {
  return step(replaceTop(model, { ...screen, editor: editorReducer(screen.editor, edit, 256), error: null }));
}

/** `:profile NAME` runs against the accounts listed when the line opened. */
export function onCommandLineCommand(model: Model, screen: CommandLine, command: CommandLineCommand): Step {
  switch (command) {
    case 'run': {
      if (!model.accounts) return step(replaceTop(model, { ...screen, error: 'Still reading the accounts: press Enter again in a moment.' }), { kind: 'list-accounts' });
      const r = parseCommandLine(screen.editor.value, model.accounts);
      if ('error' in r) return step(replaceTop(model, { ...screen, error: r.error }));
      return switchTo(pop(model), r.account);
    }
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}
