// `vcreds config`: the few preferences a script or a person sets once (default profile, API URL).
// The TUI keeps its columns, sort and filters in the same store; `config reset` clears those too.
import { InvalidArgumentError, type Command } from 'commander';
import { checkApiUrl } from '../../api/base-url.js';
import type { Preferences } from '../../config/preferences-types.js';
import type { CliState } from '../cli-state.js';
import { UsageError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { checkProfileName, parseApiUrl } from '../parse.js';

/** What `config set/unset` accepts, and the preference each name stands for. */
const SETTINGS = {
  profile: 'defaultProfile',
  'api-url': 'apiUrl',
} as const satisfies Record<string, keyof Preferences>;
type SettingName = keyof typeof SETTINGS;

function settingName(name: string): SettingName {
  if (name in SETTINGS) return name as SettingName;
  throw new UsageError(`unknown setting "${name}"`, `Settings: ${Object.keys(SETTINGS).join(', ')}.`);
}

/**
 * Checks a value before it is kept, so a bad one is refused now rather than at the next run: by
 * the same rules as --profile and --api-url on the command line.
 */
function checkedValue(name: SettingName, value: string): string {
  if (!value.trim()) throw new UsageError(`config set ${name}: the value is empty`, `Use vcreds config unset ${name} to remove it.`);
  try {
    return name === 'profile' ? checkProfileName(value) : checkApiUrl(parseApiUrl(value)).baseUrl;
  } catch (err) {
    if (!(err instanceof InvalidArgumentError)) throw err;
    const example = name === 'profile' ? 'Give the name as it appears in ~/.veracode/credentials, e.g. ci.' : 'Give an origin such as https://api.veracode.eu.';
    throw new UsageError(`config set ${name}: ${err.message}`, example);
  }
}

export function formatSettings(prefs: Preferences, path: string): string {
  const shown = (v: string | null) => v ?? '(not set)';
  return [
    `profile   ${shown(prefs.defaultProfile)}`,
    `api-url   ${shown(prefs.apiUrl)}`,
    `columns   ${prefs.columns.join(', ')}`,
    `sort      ${prefs.sort.key} ${prefs.sort.direction === 'asc' ? '↑' : '↓'}`,
    '',
    `kept in ${path}`,
  ].join('\n');
}

export function registerConfig(program: Command, cli: CliState): void {
  const config = program
    .command('config')
    .description('show or change preferences: default profile and API URL (never a key or secret)')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.config)
    .action((o: { json?: boolean }) => {
      const store = cli.preferences();
      cli.out(o.json ? JSON.stringify(store.get(), null, 2) : formatSettings(store.get(), store.path));
    });
  config
    .command('set')
    .description('keep a setting: profile NAME, or api-url URL')
    .argument('<name>', `one of: ${Object.keys(SETTINGS).join(', ')}`)
    .argument('<value>')
    .action((name: string, value: string) => {
      cli.refuseIfReadOnly('change a preference');
      const setting = settingName(name);
      cli.preferences().update({ [SETTINGS[setting]]: checkedValue(setting, value) });
      cli.note(`${setting} set; --${setting} on the command line still wins.`);
    });
  config
    .command('unset')
    .description('forget a setting')
    .argument('<name>', `one of: ${Object.keys(SETTINGS).join(', ')}`)
    .action((name: string) => {
      cli.refuseIfReadOnly('change a preference');
      cli.preferences().update({ [SETTINGS[settingName(name)]]: null });
    });
  config
    .command('reset')
    .description('every preference back to its default (also the table columns, sort and filters)')
    .action(() => {
      cli.refuseIfReadOnly('reset the preferences');
      cli.preferences().reset();
    });
}
