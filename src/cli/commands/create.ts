// `vcreds create hmac` and `vcreds create oauth`.
import { Option, type Command } from 'commander';
import type { GeneratedHmac } from '../../identity/types.js';
import { viewOf } from '../../model/credential.js';
import { validateOAuthDraft, type FieldError, type OAuthDraft } from '../../ops/create-rules.js';
import { createHmac } from '../../ops/create-hmac.js';
import { createOAuthClient } from '../../ops/create-oauth.js';
import { keyInProfile, savePairToProfile } from '../../ops/save-profile.js';
import { resolveUser } from '../../ops/resolve.js';
import type { CliState } from '../cli-state.js';
import { credentialJson } from '../credential-format.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { checkProfileName, collect } from '../parse.js';
import { loadViews } from './load.js';
import { hmacSecretText } from './secret-text.js';

export function registerCreate(program: Command, cli: CliState): void {
  const create = program
    .command('create')
    .description('create an HMAC key or an OAuth client (the secret is shown once)')
    .addHelpText('after', `\nSee vcreds create hmac --help and vcreds create oauth --help.\n`);

  create
    .command('hmac')
    .description('generate a new HMAC pair (the owner\'s previous pair is revoked)')
    .option('--user <name|id>', 'owner: a user name or id (default: yourself; admins only for others)')
    .addOption(new Option('--save-profile <name>', 'write the pair to this profile of the credentials file instead of printing it').argParser(checkProfileName))
    .option('--force', 'with --save-profile: replace the key that profile holds')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.createHmac)
    .action(async (o: { user?: string; saveProfile?: string; force?: boolean; json?: boolean }) => {
      cli.refuseIfReadOnly('create an HMAC key');
      const session = await cli.session();
      const { ctx } = session;
      let userId: string | undefined;
      if (o.user) {
        const { org } = await loadViews(cli);
        const user = resolveUser(org.users, o.user);
        userId = user.userId === org.caller.userId ? undefined : user.userId;
      }
      if (o.saveProfile && !o.force) {
        // Refused before anything is created: the key in that profile would be lost.
        const heldId = keyInProfile(ctx.credentialsPath, o.saveProfile);
        if (heldId) throw new CliError(`profile [${o.saveProfile}] of ${ctx.credentialsPath} holds another key (${heldId}); saving the new pair there would replace it`, EXIT.failed, 'Choose another --save-profile, or add --force to replace it.');
      }
      const { generated, held } = await createHmac(ctx, { userId });
      cli.note(`vcreds: a new HMAC pair was generated for ${generated.owner.userName}; the previous pair stops working within 24 hours.`);
      const inUse = ctx.connection.profile;
      if (!userId && inUse && inUse !== o.saveProfile) {
        cli.warn(`profile [${inUse}] holds your previous pair; vcreds rotate --profile ${inUse} replaces a key and updates its profiles in one go.`);
      }
      if (!userId && ctx.connection.source === 'env') {
        cli.warn('VERACODE_API_KEY_ID/SECRET hold your previous pair: put the new one there (shell profile, CI secrets).');
      }
      try {
        await deliverHmac(cli, ctx.credentialsPath, generated, o.saveProfile, Boolean(o.json), Boolean(o.force));
      } finally {
        held.release(); // saved or printed
      }
    });

  create
    .command('oauth')
    .description('create an OAuth client, down-scoped to the roles you choose')
    .option('--name <name>', 'client name, 1 to 64 characters, unique per owner (required)')
    .option('--ttl-days <days>', 'lifetime in days, 1 to 365 (or --expires)')
    .option('--expires <date>', 'valid through this date, YYYY-MM-DD (UTC), at most 365 days away (or --ttl-days)')
    .option('--description <text>', 'what the client is for')
    .option('--role <role>', "a role to grant, repeatable; must be among the owner's roles (at least one)", collect, [])
    .option('--user <name|id>', 'owner: a user name or id (default: yourself)')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.createOauth)
    .action(async (o: { name?: string; ttlDays?: string; expires?: string; description?: string; role: string[]; user?: string; json?: boolean }) => {
      const lifetime = lifetimeOf(o);
      const draft: OAuthDraft = { name: o.name ?? '', description: o.description, expiry: lifetime.text, expiryForm: lifetime.form, roles: o.role };
      // What can be judged without the server is judged first: a typo costs no request. Roles and
      // name uniqueness wait for the server, which knows the owner's roles and clients.
      const offline = validateOAuthDraft(draft, { now: Date.now(), maxTtlDays: 365, ownerId: '', ownerRoles: o.role.map((name) => ({ name })), credentials: [] });
      const offlineErrors = offline.ok ? [] : offline.errors.filter((e) => e.field !== 'roles');
      if (offlineErrors.length) throw fieldErrors(offlineErrors, lifetime.flag);
      cli.refuseIfReadOnly('create an OAuth client');
      const { org, session } = await loadViews(cli);
      const owner = o.user ? resolveUser(org.users, o.user) : org.caller;
      if (owner.userId !== org.caller.userId) draft.userId = owner.userId;
      const checked = validateOAuthDraft(draft, { now: session.ctx.now(), maxTtlDays: org.maxTtlDays, ownerId: owner.userId, ownerRoles: owner.roles, credentials: org.credentials });
      if (!checked.ok) throw fieldErrors(checked.errors, lifetime.flag);
      const { created, held } = await createOAuthClient(session.ctx, checked.input, owner.userName);
      const view = viewOf(created.client, session.ctx.now());
      if (o.json) {
        cli.out(JSON.stringify({ client: credentialJson(view), clientId: created.secret.clientId || view.id, secretId: created.secret.secretId, clientSecret: created.secret.clientSecret, expiresAt: created.secret.expiresAt }, null, 2));
      } else {
        cli.out(
          [
            `# OAuth client "${view.name ?? checked.input.name}" for ${view.owner.userName}, roles ${view.roles.map((r) => r.name).join(', ')}, expires ${(view.expiresAt ?? '').slice(0, 10)}.`,
            '# The secret is shown once: store it now.',
            `client_id = ${created.secret.clientId || view.id}`,
            `client_secret = ${created.secret.clientSecret}`,
          ].join('\n'),
        );
      }
      held.release(); // printed
    });
}

/** The lifetime flags as one expiry field of the create rules, and the flag to name in errors. */
function lifetimeOf(o: { ttlDays?: string; expires?: string }): { text: string; form: 'days' | 'date'; flag: string } {
  if (o.ttlDays !== undefined && o.expires !== undefined) {
    throw new UsageError('--expires: give either --ttl-days or --expires, not both', 'See vcreds create oauth --help.');
  }
  if (o.expires !== undefined) return { text: o.expires, form: 'date', flag: '--expires' };
  if (o.ttlDays === undefined) {
    throw new UsageError('--ttl-days: a lifetime is required: --ttl-days N (1 to 365) or --expires YYYY-MM-DD', 'See vcreds create oauth --help.');
  }
  return { text: o.ttlDays, form: 'days', flag: '--ttl-days' };
}

const FLAG: Record<FieldError['field'], string> = { owner: '--user', name: '--name', expiry: '', description: '--description', roles: '--role' };

function fieldErrors(errors: FieldError[], expiryFlag: string): UsageError {
  const message = errors.map((e) => `${FLAG[e.field] || expiryFlag}: ${e.message}`).join('\nvcreds: ');
  return new UsageError(message, 'See vcreds create oauth --help.');
}

/**
 * The pair goes to the profile, or to stdout. If saving fails, it goes to stdout anyway: the
 * server has already revoked the previous pair, so this secret is the only one that works.
 */
export async function deliverHmac(cli: CliState, path: string, generated: GeneratedHmac, profile: string | undefined, json: boolean, force = false): Promise<void> {
  if (profile) {
    try {
      const written = savePairToProfile(path, { profile, id: generated.apiId, secret: generated.apiSecret }, { readOnly: false, force });
      for (const w of written.warnings) cli.warn(w);
      if (json) {
        cli.out(JSON.stringify({ apiId: generated.apiId, expiresAt: generated.expiresAt, owner: generated.owner, savedTo: { path, profile, backupPath: written.backupPath } }, null, 2));
      } else {
        cli.out(`Saved the new key ${generated.apiId} (${generated.owner.userName}, expires ${(generated.expiresAt ?? 'never').slice(0, 10)}) to profile [${profile}] of ${path}.`);
      }
      return;
    } catch (err) {
      cli.warn(`could not save to profile [${profile}] of ${path}: ${err instanceof Error ? err.message : String(err)}`);
      cli.warn('the new pair is printed below instead; store it now, it is not shown again.');
      printHmac(cli, generated, json);
      throw new CliError('the key was generated but not saved', EXIT.failed, 'Paste the pair printed above into your credentials file.');
    }
  }
  printHmac(cli, generated, json);
}

function printHmac(cli: CliState, generated: GeneratedHmac, json: boolean): void {
  if (json) cli.out(JSON.stringify({ apiId: generated.apiId, apiSecret: generated.apiSecret, expiresAt: generated.expiresAt, owner: generated.owner }, null, 2));
  else cli.out(hmacSecretText(generated));
}
