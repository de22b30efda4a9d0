// `vcreds rotate (--profile NAME | ID) [--retire-old] [--json]`.
import type { Command } from 'commander';
import { viewOf, type Credential } from '../../model/credential.js';
import { resolveCredential } from '../../ops/resolve.js';
import { hmacSecretNeedsSaving, rotateHmac, rotateOAuth } from '../../ops/rotate.js';
import type { HmacRotationResult, OAuthRotationResult } from '../../ops/rotate-types.js';
import type { CliState } from '../cli-state.js';
import { CliError, EXIT } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { loadViews } from './load.js';
import { hmacSecretText } from './secret-text.js';

export function registerRotate(program: Command, cli: CliState): void {
  program
    .command('rotate')
    .description('replace a key with a new one, update local profiles, prove it works')
    .argument('[id]', 'credential id or unique prefix (default: the key in use, i.e. --profile, env vars or [default])')
    .option('--retire-old', 'OAuth: retire the previous secret once the new one is proven')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.rotate)
    .action(async (id: string | undefined, o: { retireOld?: boolean; json?: boolean }) => {
      cli.refuseIfReadOnly('rotate a credential');
      let target: Credential;
      let session;
      if (id) {
        const loaded = await loadViews(cli);
        session = loaded.session;
        target = resolveCredential(loaded.views, id);
      } else {
        // The key in use always belongs to the caller: no need to load the whole organisation.
        session = await cli.profileSession();
        const keyId = session.keyId;
        if (!keyId) throw new CliError('no HMAC key in use to rotate (the connection uses an OAuth client)', EXIT.usage, 'Give the id of the credential to rotate.');
        const found = await session.ctx.service.hmacInUse(keyId);
        if (!found) throw new CliError(`the server does not know the key in use (${keyId})`, EXIT.failed, 'Give the id of the credential to rotate.');
        const caller = await session.ctx.service.self();
        target = { ...found, owner: { userId: caller.userId, userName: caller.userName, accountType: caller.accountType } };
      }
      const { ctx } = session;
      if (target.type === 'hmac') {
        const r = await rotateHmac(ctx, target, { credentialsPath: ctx.credentialsPath });
        reportHmac(cli, r, Boolean(o.json));
        r.held.release(); // printed (or safely in a proven profile)
        // The variables live in the caller's shell or CI settings: only the user can update them.
        if (ctx.connection.source === 'env' && session.keyId === target.id) {
          cli.warn('the rotated key is the one in VERACODE_API_KEY_ID/SECRET: put the new pair there (shell profile, CI secrets); the old one stops working within 24 hours.');
        }
        if (r.proof !== 'ok' || r.write === 'failed') cli.exitCode = EXIT.failed;
      } else {
        const r = await rotateOAuth(ctx, target, { retireOld: Boolean(o.retireOld) });
        reportOAuth(cli, r, viewOf(target, ctx.now()).name ?? target.id, Boolean(o.json));
        r.held.release(); // printed
        if (r.proof !== 'ok' || r.problems.length) cli.exitCode = EXIT.failed;
      }
    });
}

function reportHmac(cli: CliState, r: HmacRotationResult, json: boolean): void {
  const show = hmacSecretNeedsSaving(r);
  for (const p of r.problems) cli.warn(p);
  if (json) {
    const { apiSecret, ...generated } = r.generated;
    cli.out(JSON.stringify({ type: 'hmac', generated: { ...generated, apiSecret: show ? apiSecret : null }, profilesUpdated: r.profilesUpdated, backupPath: r.backupPath, write: r.write, proof: r.proof, restored: r.restored, problems: r.problems }, null, 2));
    return;
  }
  const lines: string[] = [];
  if (r.write === 'ok' && !r.restored) {
    lines.push(`Rotated: profiles ${r.profilesUpdated.map((p) => `[${p}]`).join(', ')} now hold the new key ${r.generated.apiId}${r.backupPath ? ` (previous file kept as ${r.backupPath})` : ''}.`);
  }
  lines.push(r.proof === 'ok' ? 'The new key works (a signed call succeeded).' : r.proof === 'failed' ? 'The new key FAILED its test call.' : '');
  lines.push(`The previous key of ${r.generated.owner.userName} stops working within 24 hours.`);
  if (show) lines.push(hmacSecretText(r.generated));
  cli.out(lines.filter(Boolean).join('\n'));
}

function reportOAuth(cli: CliState, r: OAuthRotationResult, name: string, json: boolean): void {
  for (const p of r.problems) cli.warn(p);
  if (json) {
    cli.out(JSON.stringify({ type: 'oauth', secret: r.secret, retiredSecretIds: r.retiredSecretIds, proof: r.proof, problems: r.problems }, null, 2));
    return;
  }
  const retired = r.retiredSecretIds;
  cli.out(
    [
      `New secret ${r.secret.secretId} for OAuth client "${name}"${r.proof === 'ok' ? ' (proven: a token was issued)' : r.proof === 'failed' ? ' (its token request FAILED)' : ''}.`,
      retired.length ? `Retired: ${retired.join(', ')}.` : 'The previous secret still works; retire it with --retire-old once everything uses the new one.',
      '# The secret is shown once: store it now.',
      `client_id = ${r.secret.clientId}`,
      `client_secret = ${r.secret.clientSecret}`,
    ].join('\n'),
  );
}
