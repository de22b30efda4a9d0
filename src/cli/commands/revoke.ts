// `vcreds revoke ID [--yes]`.
import type { Command } from 'commander';
import { displayName } from '../../model/credential.js';
import { signingKeyWarning } from '../../ops/actions.js';
import { revokeCredential } from '../../ops/revoke.js';
import type { CliState } from '../cli-state.js';
import { CliError, UsageError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { findCredential, loadViews } from './load.js';

export function registerRevoke(program: Command, cli: CliState): void {
  program
    .command('revoke')
    .description('revoke an HMAC key or an OAuth client, now')
    .argument('<id>', 'credential id, or a unique prefix of 8+ characters')
    .option('-y, --yes', 'do not ask (required without a terminal)')
    .addHelpText('after', EXAMPLES.revoke)
    .action(async (id: string, o: { yes?: boolean }) => {
      cli.refuseIfReadOnly('revoke a credential');
      const interactive = cli.io.stdinIsTTY && Boolean(cli.io.stderr.isTTY);
      if (!o.yes && !interactive) {
        throw new UsageError('revoke needs confirmation, and there is no terminal to ask on', 'Add --yes to revoke without asking.');
      }
      const loaded = await loadViews(cli);
      const { session } = loaded;
      // Any id the server knows, a superseded pair's included (not only those listed).
      const c = await findCredential(loaded, id);
      if (c.status === 'revoked') throw new CliError(`${c.type} ${c.id} is already revoked`);
      const what = `${c.type === 'hmac' ? 'HMAC key' : 'OAuth client'} ${c.id} (${displayName(c)}${c.type === 'oauth' ? `, owner ${c.owner.userName}` : ''})`;
      const self = signingKeyWarning('revoke', c, { readOnly: false, signingKeyId: session.ctx.signingKeyId() });
      if (self) cli.warn(self);
      if (c.profiles.length) cli.warn(`profiles ${c.profiles.map((p) => `[${p}]`).join(', ')} hold this key; they will stop working.`);
      if (!o.yes) {
        const last4 = c.id.slice(-4);
        const answer = await cli.io.prompt(`Revoke ${what}? It stops working at once.\nType the last 4 characters of the id (${last4}) to confirm: `);
        if (answer.trim().toLowerCase() !== last4.toLowerCase()) {
          throw new CliError('not revoked: the confirmation did not match');
        }
      }
      await revokeCredential(session.ctx, c);
      cli.out(`Revoked ${what}.`);
    });
}
