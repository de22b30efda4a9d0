// No command: the interactive table on a terminal, a clear refusal otherwise.
import { createPreferencesStore } from '../../config/store.js';
import type { CliState } from '../cli-state.js';
import { EXIT } from '../errors.js';

export async function runDefault(cli: CliState): Promise<number> {
  if (!cli.io.stdinIsTTY || !cli.io.stdout.isTTY) {
    cli.io.stderr.write('vcreds: no terminal; use "vcreds list" (see vcreds --help)\n');
    return EXIT.usage;
  }
  const session = await cli.session();
  // Loaded only here, so the scriptable commands never pay for Ink and React.
  const { runInteractive } = await import('../../../components/run-interactive.js');
  return runInteractive(session.ctx, { preferences: createPreferencesStore() });
}
