// Where the preferences live, worked out from an injected environment (conf's own default reads
// the home folder once at load, which in-process tests with a temp HOME could not redirect).
import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Record<string, string | undefined>;

/** The OS config folder for vcreds: XDG on Linux, Library/Preferences on macOS, APPDATA on Windows. */
export function preferencesDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'vcreds', 'Config');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'vcreds');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'vcreds');
}
