// `vcreds create hmac` and `vcreds create oauth`.
import { Option, type Command } from 'commander';
import { lockCredentials } from '../../credentials/lock.js';
import { bareId } from '../../credentials/sources.js';
import type { GeneratedHmac } from '../../identity/types.js';
import { viewOf, type Credential } from '../../model/credential.js';
import { validateOAuthDraft, type FieldError, type OAuthDraft } from '../../ops/create-rules.js';
import { createHmac } from '../../ops/create-hmac.js';
import { createOAuthClient } from '../../ops/create-oauth.js';
import type { HeldSecret } from '../../ops/held-secrets.js';
import { keyInProfile, ProfileHoldsOtherKey, savePairToProfile } from '../../ops/save-profile.js';
import { RENEWAL_GRACE_MS } from '../../ops/rotate.js';
import { resolveUser } from '../../ops/resolve.js';
import { critical } from '../../ops/signal-guard.js';
import type { CliState } from '../cli-state.js';
import { credentialJson } from '../credential-format.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { checkProfileName, collect, nonBlank } from '../parse.js';
import { loadViews } from './load.js';
import { lostAnswer } from './lost-answer.js';
import { printSecret } from './secret-out.js';
import { hmacSecretText } from './secret-text.js';

export function registerCreate(program: Command, cli: CliState): void {
  const create = program
    .command('create')
    .description('create an HMAC key or an OAuth client (the secret is shown once)')
    .addHelpText('after', `\nSee vcreds create hmac --help and vcreds create oauth --help.\n`);

  create
    .command('hmac')
    .description('generate a new HMAC pair (the owner\'s previous pair is revoked)')
    .addOption(new Option('--user <name|id>', 'owner: a user name or id (default: yourself; admins only for others)').argParser(nonBlank('a user name or id')))
    .addOption(new Option('--save-profile <name>', 'write the pair to this profile of the credentials file instead of printing it').argParser(checkProfileName))
    .option('--force', 'with --save-profile: replace the key that profile holds')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.createHmac)
    .action(async (o: { user?: string; saveProfile?: string; force?: boolean; json?: boolean }) => {
      cli.refuseIfReadOnly('create an HMAC key');
      const session = await cli.session();
      const { ctx } = session;
      let userId: string | undefined;
      let ownerName = '';
      let views: Credential[] | null = null;
      if (o.user) {
        const loaded = await loadViews(cli);
        const user = resolveUser(loaded.org.users, o.user);
        userId = user.userId === loaded.org.caller.userId ? undefined : user.userId;
        ownerName = user.userName;
        views = loaded.views;
      }
      const path = ctx.credentialsPath;
      // Saving is a read-modify-write of the credentials file: locked from before the key is asked
      // for, so a second vcreds cannot change the profile between the check and the save.
      const lock = o.saveProfile ? await lockCredentials(path) : null;
      try {
        let replaces: string | null = null;
        if (o.saveProfile) {
          replaces = keyInProfile(path, o.saveProfile);
          // Refused before anything is created: the key in that profile would be lost.
          if (replaces && !o.force) throw profileHoldsKey(o.saveProfile, replaces, await ownerOfKey(ctx, views, replaces));
        }
        await critical(async () => {
          let created;
          try {
            created = await createHmac(ctx, { userId, saveProfile: o.saveProfile ? { name: o.saveProfile, replaces } : undefined });
          } catch (err) {
            throw lostAnswer(err, { kind: 'hmac', owner: ownerName || (await callerName(ctx)) }) ?? err;
          }
          const { generated, held } = created;
          const until = new Date(ctx.now() + RENEWAL_GRACE_MS).toISOString().slice(0, 16).replace('T', ' ');
          cli.note(`vcreds: a new HMAC pair was generated for ${generated.owner.userName}; the previous pair keeps working until about ${until} UTC (Veracode's 24-hour grace), then stops.`);
          if (held.journalProblem) cli.warn(held.journalProblem);
          const inUse = ctx.connection.profile;
          if (!userId && inUse && inUse !== o.saveProfile) {
            cli.warn(`profile [${inUse}] holds your previous pair; vcreds rotate --profile ${inUse} replaces a key and updates its profiles in one go.`);
          }
          if (!userId && ctx.connection.source === 'env') {
            cli.warn('VERACODE_API_KEY_ID/SECRET hold your previous pair: put the new one there (shell profile, CI secrets).');
          }
          await deliverHmac(cli, path, generated, held, o.saveProfile, Boolean(o.json));
        });
      } finally {
        lock?.release();
      }
    });

  create
    .command('oauth')
    .description('create an OAuth client, down-scoped to the roles you choose')
    .option('--name <name>', 'client name, 1 to 64 characters, unique per owner (required)')
    .option('--ttl-days <days>', 'lifetime in days, 1 to 365 (or --expires)')
    .option('--expires <date>', 'valid through this date, YYYY-MM-DD (UTC), at most 365 days away (or --ttl-days)')
    .option('--description <text>', 'what the client is for, at most 512 characters')
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
      await critical(async () => {
        let result;
        try {
          result = await createOAuthClient(session.ctx, checked.input, owner.userName);
        } catch (err) {
          throw lostAnswer(err, { kind: 'oauth-client', owner: owner.userName, name: checked.input.name }) ?? err;
        }
        const { created, held } = result;
        if (held.journalProblem) cli.warn(held.journalProblem);
        const view = viewOf(created.client, session.ctx.now());
        const text = o.json
          ? JSON.stringify({ client: credentialJson(view), clientId: created.secret.clientId || view.id, secretId: created.secret.secretId, clientSecret: created.secret.clientSecret, expiresAt: created.secret.expiresAt }, null, 2)
          : [
              `# OAuth client "${view.name ?? checked.input.name}" for ${view.owner.userName}, roles ${view.roles.map((r) => r.name).join(', ')}, expires ${(view.expiresAt ?? '').slice(0, 10)}.`,
              '# The secret is shown once: store it now.',
              `client_id = ${created.secret.clientId || view.id}`,
              `client_secret = ${created.secret.clientSecret}`,
            ].join('\n');
        printSecret(cli, text);
        held.release(); // printed
      });
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

/** Whose key a profile holds, when the server (or the loaded organisation) says; null if unknown. */
async function ownerOfKey(ctx: { service: { getHmac(id: string): Promise<Credential | null> } }, views: Credential[] | null, id: string): Promise<string | null> {
  const known = views?.find((c) => c.type === 'hmac' && bareId(c.id) === bareId(id));
  if (known) return known.owner.userName;
  try {
    const c = await ctx.service.getHmac(bareId(id));
    return c?.owner.userName && c.owner.userId ? c.owner.userName : null;
  } catch {
    return null;
  }
}

async function callerName(ctx: { service: { self(): Promise<{ userName: string }> } }): Promise<string> {
  try {
    return (await ctx.service.self()).userName;
  } catch {
    return '';
  }
}

function profileHoldsKey(profile: string, id: string, owner: string | null): CliError {
  const refused = new ProfileHoldsOtherKey(profile, id, owner);
  return new CliError(`${refused.message}; nothing was created`, EXIT.failed, 'Choose another --save-profile, or add --force to replace that key (it is kept in the backup of the file).');
}

/**
 * The pair goes to the profile, or to stdout. If saving fails, it goes to stdout anyway: the
 * owner's previous pair is being retired, so this secret is the only one that will work. The held
 * secret (and its journal entry) is let go only once it is saved or printed.
 */
export async function deliverHmac(cli: CliState, path: string, generated: GeneratedHmac, held: HeldSecret, profile: string | undefined, json: boolean): Promise<void> {
  if (profile) {
    let written;
    try {
      // Checked under the lock by the caller (or --force): replacing is what was asked for.
      written = savePairToProfile(path, { profile, id: generated.apiId, secret: generated.apiSecret }, { readOnly: false, force: true });
    } catch (err) {
      cli.warn(`could not save to profile [${profile}] of ${path}: ${err instanceof Error ? err.message : String(err)}`);
      cli.warn('the new pair is printed below instead; store it now, it is not shown again.');
      printHmac(cli, generated, json);
      held.release();
      throw new CliError('the key was generated but not saved', EXIT.failed, 'Paste the pair printed above into your credentials file.');
    }
    held.release(); // saved
    for (const w of written.warnings) cli.warn(w);
    if (json) {
      cli.out(JSON.stringify({ apiId: generated.apiId, expiresAt: generated.expiresAt, owner: generated.owner, savedTo: { path, profile, backupPath: written.backupPath } }, null, 2));
    } else {
      cli.out(`Saved the new key ${generated.apiId} (${generated.owner.userName}, expires ${(generated.expiresAt ?? 'never').slice(0, 10)}) to profile [${profile}] of ${path}.`);
    }
    return;
  }
  printHmac(cli, generated, json);
  held.release(); // printed
}

function printHmac(cli: CliState, generated: GeneratedHmac, json: boolean): void {
  printSecret(cli, json ? JSON.stringify({ apiId: generated.apiId, apiSecret: generated.apiSecret, expiresAt: generated.expiresAt, owner: generated.owner }, null, 2) : hmacSecretText(generated));
}
