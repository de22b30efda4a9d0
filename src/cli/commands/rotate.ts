// `vcreds rotate (--profile NAME | ID) [--revoke-old] [--retire-old] [--json]`. Everything from
// the request for the new secret until it is saved or printed runs under the signal guard, and the
// HMAC rotation holds the credentials file's lock throughout (src/ops/rotate.ts).
import { Argument, type Command } from 'commander';
import { viewOf, type Credential } from '../../model/credential.js';
import { resolveCredential } from '../../ops/resolve.js';
import { hmacSecretNeedsSaving, rotateHmac, rotateOAuth } from '../../ops/rotate.js';
import type { HmacRotationResult, OAuthRotationResult } from '../../ops/rotate-types.js';
import { critical } from '../../ops/signal-guard.js';
import type { CliState } from '../cli-state.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { nonBlank } from '../parse.js';
import { loadViews } from './load.js';
import { lostAnswer } from './lost-answer.js';
import { printSecret } from './secret-out.js';
import { hmacSecretText } from './secret-text.js';

export function registerRotate(program: Command, cli: CliState): void {
  program
    .command('rotate')
    .description('replace a key with a new one, update local profiles, prove it works')
    .addArgument(new Argument('[id]', 'credential id or unique prefix (default: the key in use, i.e. --profile, env vars or [default])').argParser(nonBlank('a credential id or unique prefix')))
    .option('--revoke-old', 'HMAC: revoke the previous key as soon as the new one is proven (a leaked key); otherwise it keeps working 24 hours')
    .option('--retire-old', 'OAuth: retire the previous secret once the new one is proven')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.rotate)
    .action(async (id: string | undefined, o: { revokeOld?: boolean; retireOld?: boolean; json?: boolean }) => {
      cli.refuseIfReadOnly('rotate a credential');
      let target: Credential;
      let session;
      // Profiles that hold the key now; under the lock they must still hold it (a concurrent rotation).
      let expectProfiles: string[] = [];
      if (id) {
        const loaded = await loadViews(cli);
        session = loaded.session;
        target = resolveCredential(loaded.views, id);
        expectProfiles = [...(target.profiles ?? [])];
      } else {
        // The key in use always belongs to the caller: no need to load the whole organisation.
        session = await cli.profileSession();
        const keyId = session.keyId;
        if (!keyId) throw new CliError('no HMAC key in use to rotate (the connection uses an OAuth client)', EXIT.usage, 'Give the id of the credential to rotate.');
        const found = await session.ctx.service.hmacInUse(keyId);
        if (!found) throw new CliError(`the server does not know the key in use (${keyId})`, EXIT.failed, 'Give the id of the credential to rotate.');
        const caller = await session.ctx.service.self();
        target = { ...found, owner: { userId: caller.userId, userName: caller.userName, accountType: caller.accountType } };
        if (session.ctx.connection.source === 'file' && session.ctx.connection.profile) expectProfiles = [session.ctx.connection.profile];
      }
      const { ctx } = session;
      if (target.type !== 'hmac' && o.revokeOld) throw new UsageError('--revoke-old is for HMAC keys', 'For an OAuth client use --retire-old (the previous secret is retired once the new one is proven).');
      const chosen = target;
      if (target.type === 'hmac') {
        await critical(async () => {
          let r: HmacRotationResult;
          try {
            r = await rotateHmac(ctx, chosen, { credentialsPath: ctx.credentialsPath, expectProfiles, revokeOld: Boolean(o.revokeOld) });
          } catch (err) {
            throw lostAnswer(err, { kind: 'hmac', owner: chosen.owner.userName }) ?? err;
          }
          reportHmac(cli, r, Boolean(o.json));
          r.held.release(); // printed (or safely in a proven profile)
          // The variables live in the caller's shell or CI settings: only the user can update them.
          if (ctx.connection.source === 'env' && session.keyId === chosen.id) {
            cli.warn(`the rotated key is the one in VERACODE_API_KEY_ID/SECRET: put the new pair there (shell profile, CI secrets); ${oldKeyFate(r)}.`);
          }
          if (r.proof !== 'ok' || r.write === 'failed' || r.oldKey.revoked === 'failed') cli.exitCode = EXIT.failed;
        }, `rotating the HMAC key ${chosen.id} (nothing created yet)`);
      } else {
        await critical(async () => {
          let r: OAuthRotationResult;
          try {
            r = await rotateOAuth(ctx, chosen, { retireOld: Boolean(o.retireOld) });
          } catch (err) {
            throw lostAnswer(err, { kind: 'oauth-secret', clientId: chosen.id }) ?? err;
          }
          reportOAuth(cli, r, viewOf(chosen, ctx.now()).name ?? chosen.id, Boolean(o.json));
          r.held.release(); // printed
          if (r.proof !== 'ok' || r.problems.length) cli.exitCode = EXIT.failed;
        }, `rotating the OAuth client ${chosen.id} (nothing created yet)`);
      }
    });
}

function utc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** What happens to the replaced key, in words. */
function oldKeyFate(r: HmacRotationResult): string {
  if (r.oldKey.revoked === 'now') return `the previous key ${r.oldKey.id} was revoked now (--revoke-old)`;
  const until = r.oldKey.worksUntil ? `until about ${utc(r.oldKey.worksUntil)}` : 'for 24 hours';
  return `the previous key ${r.oldKey.id} keeps working ${until} (Veracode's grace after a new pair)${r.oldKey.revoked === 'failed' ? '' : '; to end it now: vcreds revoke ' + r.oldKey.id + ' --yes, or rotate with --revoke-old'}`;
}

function reportHmac(cli: CliState, r: HmacRotationResult, json: boolean): void {
  const show = hmacSecretNeedsSaving(r);
  for (const p of r.problems) cli.warn(p);
  if (json) {
    const { apiSecret, ...generated } = r.generated;
    const json = JSON.stringify({ type: 'hmac', generated: { ...generated, apiSecret: show ? apiSecret : null }, profilesUpdated: r.profilesUpdated, backupPath: r.backupPath, write: r.write, proof: r.proof, restored: r.restored, oldKey: r.oldKey, problems: r.problems }, null, 2);
    if (show) printSecret(cli, json);
    else cli.out(json);
    return;
  }
  const lines: string[] = [];
  if (r.write === 'ok' && !r.restored) {
    lines.push(`Rotated: profiles ${r.profilesUpdated.map((p) => `[${p}]`).join(', ')} now hold the new key ${r.generated.apiId}${r.backupPath ? ` (previous file kept as ${r.backupPath})` : ''}.`);
  }
  lines.push(r.proof === 'ok' ? 'The new key works (a signed call succeeded).' : r.proof === 'failed' ? 'The new key FAILED its test call.' : 'The new key was not proven.');
  const fate = oldKeyFate(r);
  lines.push(`${fate[0]!.toUpperCase()}${fate.slice(1)} (owner ${r.generated.owner.userName}).`);
  if (show) {
    lines.push(hmacSecretText(r.generated));
    printSecret(cli, lines.filter(Boolean).join('\n'));
  } else {
    cli.out(lines.filter(Boolean).join('\n'));
  }
}

function reportOAuth(cli: CliState, r: OAuthRotationResult, name: string, json: boolean): void {
  for (const p of r.problems) cli.warn(p);
  if (json) {
    printSecret(cli, JSON.stringify({ type: 'oauth', secret: r.secret, retiredSecretIds: r.retiredSecretIds, proof: r.proof, problems: r.problems }, null, 2));
    return;
  }
  const retired = r.retiredSecretIds;
  printSecret(cli,
    [
      `New secret ${r.secret.secretId} for OAuth client "${name}"${r.proof === 'ok' ? ' (proven: a token was issued)' : r.proof === 'failed' ? ' (its token request FAILED)' : ''}.`,
      retired.length ? `Retired: ${retired.join(', ')}.` : 'The previous secret still works; retire it with --retire-old once everything uses the new one.',
      '# The secret is shown once: store it now.',
      `client_id = ${r.secret.clientId}`,
      `client_secret = ${r.secret.clientSecret}`,
    ].join('\n'),
  );
}
