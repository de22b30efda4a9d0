// `vcreds config`: the few preferences a script or a person sets once (default profile, API URL,
// a profile's own API URL with --profile).
// The TUI keeps its columns, sort and filters in the same store; `config reset` clears those too.
import { InvalidArgumentError, type Command } from 'commander';
import { checkApiUrl } from '../../api/base-url.js';
import type { Preferences } from '../../config/preferences-types.js';
import { withProfileApiUrl } from '../../config/preferences-sanitize.js';
import { listProfiles } from '../../credentials/sources.js';
import { escapeControl } from '../../text/escape.js';
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
  // Profile names are someone's text (read back from a file that may be hand-edited).
  const perProfile = (prefs.profileApiUrls ?? []).map((e) => `api-url   ${e.apiUrl}  (profile [${escapeControl(e.profile, { oneLine: true })}])`);
  return [
    `profile   ${shown(prefs.defaultProfile)}`,
    `api-url   ${shown(prefs.apiUrl)}`,
    ...perProfile,
    `columns   ${prefs.columns.join(', ')}`,
    `sort      ${prefs.sort.key} ${prefs.sort.direction === 'asc' ? '↑' : '↓'}`,
    '',
    `kept in ${path}`,
  ].join('\n');
}

/** `--profile NAME` on `config set/unset api-url`: the profile the URL is kept for; refused elsewhere. */
function scopedProfile(cli: CliState, name: SettingName, verb: 'set' | 'unset'): string | null {
  const profile = cli.globals.profile ?? null;
  if (profile !== null && name !== 'api-url') {
    throw new UsageError(`config ${verb} ${name}: --profile applies only to api-url`, `Use vcreds config ${verb} api-url ... --profile ${profile} for a profile's own API URL.`);
  }
  return profile;
}

/** Says so when the credentials file exists but has no such profile (likely a typo; kept anyway). */
function warnUnknownProfile(cli: CliState, profile: string): void {
  let names: string[];
  try {
    names = listProfiles(cli.credentialsPath);
  } catch {
    return; // unreadable: nothing to compare with
  }
  if (names.length && !names.includes(profile)) cli.warn(`${cli.credentialsPath} has no profile [${escapeControl(profile, { oneLine: true })}] (yet); the API URL is kept for it anyway.`);
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
    .description('keep a setting: profile NAME, or api-url URL (with --profile NAME: that profile\'s own API URL)')
    .argument('<name>', `one of: ${Object.keys(SETTINGS).join(', ')}`)
    .argument('<value>')
    .action((name: string, value: string) => {
      cli.refuseIfReadOnly('change a preference');
      const setting = settingName(name);
      const profile = scopedProfile(cli, setting, 'set');
      const checked = checkedValue(setting, value);
      if (profile !== null) {
        warnUnknownProfile(cli, profile);
        const store = cli.preferences();
        store.update({ profileApiUrls: withProfileApiUrl(store.get(), profile, checked) });
        cli.note(`api-url set for profile [${escapeControl(profile, { oneLine: true })}]; --api-url and --region on the command line still win.`);
        return;
      }
      cli.preferences().update({ [SETTINGS[setting]]: checked });
      cli.note(`${setting} set; --${setting} on the command line still wins.`);
    });
  config
    .command('unset')
    .description('forget a setting (api-url with --profile NAME: that profile\'s own)')
    .argument('<name>', `one of: ${Object.keys(SETTINGS).join(', ')}`)
    .action((name: string) => {
      cli.refuseIfReadOnly('change a preference');
      const setting = settingName(name);
      const profile = scopedProfile(cli, setting, 'unset');
      const store = cli.preferences();
      if (profile !== null) store.update({ profileApiUrls: withProfileApiUrl(store.get(), profile, null) });
      else store.update({ [SETTINGS[setting]]: null });
    });
  config
    .command('reset')
    .description('every preference back to its default (also the table columns, sort and filters)')
    .action(() => {
      cli.refuseIfReadOnly('reset the preferences');
      cli.preferences().reset();
    });
}
