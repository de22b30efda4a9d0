// Preferences kept between runs, on top of conf (a JSON file in the OS config folder).
// Reading always goes through sanitizePreferences, so a hand-edited or broken file falls back to
// defaults instead of crashing; writing refuses anything that looks like a secret.
import Conf from 'conf';
import type { Preferences, PreferencesStore } from './preferences-types.js';
import { defaultPreferences, findSecretLike, sanitizePreferences } from './preferences-sanitize.js';

export interface PreferencesStoreOptions {
  /** Folder of config.json; tests point it at a temp folder. Default: the OS config folder for projectName. */
  cwd?: string;
  projectName?: string;
}

export class PreferencesError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'PreferencesError';
  }
}

export function createPreferencesStore(options: PreferencesStoreOptions = {}): PreferencesStore {
  const conf = new Conf<Record<string, unknown>>({
    projectName: options.projectName ?? 'vcreds',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    // No schema: conf would throw on a file that fails it. Invalid JSON reads as empty instead.
    clearInvalidConfig: true,
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
  });

  const read = (): Preferences => {
    try {
      return sanitizePreferences(conf.store);
    } catch {
      return defaultPreferences(); // unreadable file: run with defaults rather than not at all
    }
  };

  const write = (prefs: Preferences): Preferences => {
    try {
      conf.store = { ...prefs };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw new PreferencesError(`Could not save preferences to ${conf.path} (${code}).`, `Check that you can write to ${conf.path}.`);
    }
    return prefs;
  };

  return {
    path: conf.path,
    get: read,
    update(patch: Partial<Preferences>): Preferences {
      const where = findSecretLike(patch);
      if (where) {
        throw new PreferencesError(`Refusing to save ${where}: it looks like a secret, and preferences never hold secrets.`, 'Keep keys in ~/.veracode/credentials or environment variables.');
      }
      return write(sanitizePreferences({ ...read(), ...patch }));
    },
    reset: () => write(defaultPreferences()),
  };
}
