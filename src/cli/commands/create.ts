// `vcreds create hmac` and `vcreds create oauth`. With --target, the new credential is proven (a
// signed call, a token request), delivered to each target (src/ops/rotate-deliver.ts), and the
// targets are kept for it in the preferences: one report, exit 0 only when every target has it.
// The secret is printed only when nothing received it; until then it stays held (and journaled).
import { Option, type Command } from 'commander';
import type { AppContext } from '../../app-context.js';
import type { TargetBinding } from '../../config/preferences-types.js';
import { lockCredentials } from '../../credentials/lock.js';
import { bareId } from '../../credentials/sources.js';
import type { GeneratedHmac } from '../../identity/types.js';
import { viewOf, type Credential, type CredentialView } from '../../model/credential.js';
import { validateOAuthDraft, type FieldError, type OAuthDraft } from '../../ops/create-rules.js';
import { createHmac } from '../../ops/create-hmac.js';
import { createOAuthClient } from '../../ops/create-oauth.js';
import type { HeldSecret } from '../../ops/held-secrets.js';
import { keyInProfile, ProfileHoldsOtherKey, savePairToProfile } from '../../ops/save-profile.js';
import { RENEWAL_GRACE_MS } from '../../ops/rotate.js';
import { resolveUser } from '../../ops/resolve.js';
import { critical, interruptedBy, setCriticalState } from '../../ops/signal-guard.js';
import { messageOf } from '../../ops/message.js';
import { deliverCreated } from '../../ops/rotate-deliver.js';
import { isDelivered } from '../../targets/deliver.js';
import { kindRefusal, parseTarget, TargetSyntaxError } from '../../targets/descriptor.js';
import { ownerText, type AddOptions } from '../../targets/store.js';
import type { Payload, TargetOutcome } from '../../targets/types.js';
import { escapeControl } from '../../text/escape.js';
import type { CliState } from '../cli-state.js';
import { credentialJson } from '../credential-format.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { canonicalTarget, namesFromOptions } from './targets.js';
import { EXAMPLES } from '../help.js';
import { checkProfileName, collect, nonBlank } from '../parse.js';
import { loadViews } from './load.js';
import { lostAnswer } from './lost-answer.js';
import { printSecret } from './secret-out.js';
import { hmacSecretText } from './secret-text.js';
import { outcomeLine, targetsStoreOf } from './targets.js';

const said = (t: string) => escapeControl(t, { oneLine: true });

/** The delivery flags shared by create hmac and create oauth (as `vcreds targets add`). */
interface TargetFlags {
  target: string[];
  masked?: boolean;
  protected?: boolean;
}

function withTargetOptions(cmd: Command, nameHelp: string | null): Command {
  cmd.option('--target <TARGET>', 'once the new credential is proven, deliver it here and keep it as its target (forms as vcreds targets add), repeatable', collect, []);
  if (nameHelp) cmd.option('--name <KEY=NAME>', nameHelp, collect, []);
  return cmd
    .addOption(new Option('--masked', 'with a gitlab: --target: mask the variables (default)'))
    .addOption(new Option('--no-masked', 'with a gitlab: --target: do not mask them'))
    .option('--protected', 'with a gitlab: --target: protected variables (protected branches and tags only)');
}

/** What `--name KEY=NAME` can say for a delivery (id=, secret=, or a default variable name=). */
const DELIVERY_NAME = /^(id|secret|VERACODE_API_KEY_ID|VERACODE_API_KEY_SECRET|VERACODE_OAUTH_CLIENT_ID|VERACODE_OAUTH_CLIENT_SECRET)=/i;

interface Wanted {
  /** Canonical descriptors, in the order given, without repeats. */
  targets: string[];
  options: AddOptions;
}

/**
 * The --target flags, judged before anything is created (a typo costs no credential): each
 * descriptor parsed and made canonical (a dotenv path absolute, as targets add keeps it), refused
 * when it cannot hold this kind, and the --name / GitLab options. Null without --target.
 */
function wantedTargets(kind: 'hmac' | 'oauth', o: TargetFlags, names: readonly string[]): Wanted | null {
  const gitlabFlags = o.masked !== undefined || Boolean(o.protected);
  if (!o.target.length) {
    if (names.length) throw new UsageError('--name KEY=NAME goes with --target', 'e.g. vcreds create hmac --target github:acme/api --name secret=VC_SECRET');
    if (gitlabFlags) throw new UsageError('--masked / --no-masked / --protected go with a gitlab: --target');
    return null;
  }
  const targets: string[] = [];
  for (const text of o.target) {
    let canonical: string;
    try {
      const t = parseTarget(text);
      canonical = canonicalTarget(text);
      const refusal = kindRefusal(t, kind);
      if (refusal) throw new UsageError(`--target ${said(text)}: ${refusal}`);
    } catch (err) {
      if (err instanceof TargetSyntaxError) throw new UsageError(`--target: ${err.message}`);
      throw err;
    }
    if (!targets.includes(canonical)) targets.push(canonical);
  }
  if (gitlabFlags && !targets.some((t) => t.startsWith('gitlab:'))) throw new UsageError('--masked / --no-masked / --protected are for gitlab: targets');
  const options: AddOptions = namesFromOptions(names);
  if (o.masked !== undefined) options.masked = o.masked;
  if (o.protected) options.protected = true;
  return { targets, options };
}

/**
 * create oauth's --name is the client's name; with --target, a --name of the form id=NAME or
 * secret=NAME names a delivered variable instead (as in targets add). Without --target every
 * --name is the client's name, the last one winning, as before.
 */
function splitOAuthNames(names: readonly string[], withTargets: boolean): { client: string | undefined; delivery: string[] } {
  if (!withTargets) return { client: names[names.length - 1], delivery: [] };
  const delivery = names.filter((n) => DELIVERY_NAME.test(n.trim()));
  const client = names.filter((n) => !DELIVERY_NAME.test(n.trim()));
  if (client.length > 1) throw new UsageError(`--name: one client name, not ${client.length} (${client.map(said).join(', ')})`, 'With --target, --name id=NAME / secret=NAME names a delivered variable; any other --name is the client\'s name.');
  return { client: client[0], delivery };
}

export function registerCreate(program: Command, cli: CliState): void {
  const create = program
    .command('create')
    .description('create an HMAC key or an OAuth client (the secret is shown once)')
    .addHelpText('after', `\nSee vcreds create hmac --help and vcreds create oauth --help.\n`);

  const hmac = create
    .command('hmac')
    .description('generate a new HMAC pair (the owner\'s previous pair is revoked)')
    .addOption(new Option('--user <name|id>', 'owner: a user name or id (default: yourself; admins only for others)').argParser(nonBlank('a user name or id')))
    .addOption(new Option('--save-profile <name>', 'write the pair to this profile of the credentials file instead of printing it').argParser(checkProfileName))
    .option('--force', 'with --save-profile: replace the key that profile holds')
    .option('--json', 'JSON on stdout');
  withTargetOptions(hmac, 'with --target: deliver the id or the secret under another name (KEY: id or secret), repeatable')
    .addHelpText('after', EXAMPLES.createHmac)
    .action(async (o: TargetFlags & { name: string[]; user?: string; saveProfile?: string; force?: boolean; json?: boolean }) => {
      const wanted = wantedTargets('hmac', o, o.name);
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
          if (!wanted) {
            await deliverHmac(cli, path, generated, held, o.saveProfile, Boolean(o.json));
            return;
          }
          let savedTo: SavedTo | null = null;
          const problems: string[] = [];
          if (o.saveProfile) {
            setCriticalState(`saving the new key ${generated.apiId} to [${o.saveProfile}]`);
            try {
              const written = savePairToProfile(path, { profile: o.saveProfile, id: generated.apiId, secret: generated.apiSecret }, { readOnly: false, force: true });
              savedTo = { path, profile: o.saveProfile, backupPath: written.backupPath };
              for (const w of written.warnings) cli.warn(w);
            } catch (err) {
              problems.push(`could not save to profile [${o.saveProfile}] of ${path}: ${messageOf(err)}`);
            }
          }
          // A profile: target takes the file's lock itself.
          lock?.release();
          const payload: Payload = { kind: 'hmac', id: generated.apiId, secret: generated.apiSecret, secretId: null, expiresAt: generated.expiresAt, ownerName: generated.owner.userName };
          const r = await proveAndDeliver(cli, ctx, payload, generated.apiId, generated.owner.userId, wanted, problems, () => ctx.proveHmacKey({ id: generated.apiId, secret: generated.apiSecret }));
          // Printed only when nothing received it: no target, and no profile.
          const show = r.mustShow && !savedTo;
          reportHmac(cli, generated, savedTo, r, show, Boolean(o.json));
          held.release(); // printed, saved, delivered, or kept in the journal for vcreds targets deliver
          if (!r.ok || problems.length) cli.exitCode = EXIT.failed;
        });
      } finally {
        lock?.release();
      }
    });

  const oauth = create
    .command('oauth')
    .description('create an OAuth client, down-scoped to the roles you choose')
    .option('--name <name>', 'client name, 1 to 64 characters, unique per owner (required); with --target, --name id=NAME / secret=NAME names a delivered variable instead', collect, [])
    .option('--ttl-days <days>', 'lifetime in days, 1 to 365 (or --expires)')
    .option('--expires <date>', 'valid through this date, YYYY-MM-DD (UTC), at most 365 days away (or --ttl-days)')
    .option('--description <text>', 'what the client is for, at most 512 characters')
    .option('--role <role>', "a role to grant, repeatable; must be among the owner's roles (at least one)", collect, [])
    .option('--user <name|id>', 'owner: a user name or id (default: yourself)')
    .option('--json', 'JSON on stdout');
  withTargetOptions(oauth, null)
    .addHelpText('after', EXAMPLES.createOauth)
    .action(async (o: TargetFlags & { name: string[]; ttlDays?: string; expires?: string; description?: string; role: string[]; user?: string; json?: boolean }) => {
      const names = splitOAuthNames(o.name, o.target.length > 0);
      const wanted = wantedTargets('oauth', o, names.delivery);
      const lifetime = lifetimeOf(o);
      const draft: OAuthDraft = { name: names.client ?? '', description: o.description, expiry: lifetime.text, expiryForm: lifetime.form, roles: o.role };
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
        if (wanted) {
          const clientId = created.secret.clientId || view.id;
          const payload: Payload = { kind: 'oauth', id: clientId, secret: created.secret.clientSecret, secretId: created.secret.secretId, expiresAt: created.secret.expiresAt ?? view.expiresAt, ownerName: view.owner.userName || owner.userName };
          const problems: string[] = [];
          const r = await proveAndDeliver(cli, session.ctx, payload, view.id || clientId, created.client.owner.userId || owner.userId, wanted, problems, () => session.ctx.proveOAuthSecret(clientId, created.secret.clientSecret));
          reportOAuth(cli, view, checked.input.name, created.secret, r, r.mustShow, Boolean(o.json));
          held.release(); // printed, delivered, or kept in the journal for vcreds targets deliver
          if (!r.ok) cli.exitCode = EXIT.failed;
          return;
        }
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

interface SavedTo {
  path: string;
  profile: string;
  backupPath: string | null;
}

/** What became of a new credential created with --target. */
interface DeliveredOnCreate {
  proof: 'ok' | 'failed' | 'skipped';
  deliveries: TargetOutcome[];
  allDelivered: boolean;
  /** No target received it (or it was not proven, so none was given it). */
  mustShow: boolean;
  /** Kept in the recovery journal (only there) for `vcreds targets deliver`: a target failed. */
  keptForRedelivery: boolean;
  problems: string[];
  /** Proven, every target delivered, nothing else went wrong. */
  ok: boolean;
}

/**
 * Keeps the targets for the new credential (whatever happens next, later rotations deliver to
 * them), proves it, and only then delivers it to each (deliverCreated records what each holds and
 * keeps the secret in the journal when one failed). Never throws once the credential exists.
 */
async function proveAndDeliver(
  cli: CliState, ctx: AppContext, payload: Payload, credentialId: string, ownerUserId: string, wanted: Wanted, problems: string[], prove: () => Promise<void>,
): Promise<DeliveredOnCreate> {
  const what = payload.kind === 'hmac' ? `the new key ${payload.id}` : `the new secret of ${payload.id}`;
  const owner = { credentialId };
  const store = targetsStoreOf(cli);
  const bindings: TargetBinding[] = wanted.targets.map((target) => {
    try {
      return store.add(owner, target, wanted.options);
    } catch (err) {
      problems.push(`${target} could not be kept as a target of ${ownerText(owner)} (later rotations will not deliver to it): ${messageOf(err)}`);
      return { ...owner, target, ...wanted.options };
    }
  });
  let proof: DeliveredOnCreate['proof'] = 'skipped';
  const test = payload.kind === 'hmac' ? 'test call' : 'token request';
  if (interruptedBy()) {
    problems.push(`interrupted: ${what} was not proven and nothing was delivered`);
  } else {
    setCriticalState(`${what} has arrived; proving it with a ${payload.kind === 'hmac' ? 'signed call' : 'token request'} before delivering it`);
    try {
      await prove();
      proof = 'ok';
    } catch (err) {
      proof = 'failed';
      problems.push(`${what} failed its ${test}: ${messageOf(err)}`);
    }
  }
  if (proof !== 'ok') {
    const why = proof === 'failed' ? `not delivered: the new credential failed its ${test}` : 'not delivered: interrupted before the new credential was proven';
    const deliveries = bindings.map((b): TargetOutcome => ({ target: b.target, of: ownerText(b), status: 'skipped', detail: why, holds: null }));
    return { proof, deliveries, allDelivered: false, mustShow: true, keptForRedelivery: false, problems, ok: false };
  }
  const d = await deliverCreated(ctx, payload, ownerUserId, bindings, { targets: store, env: cli.io.env, debug: cli.globals.debug ? cli.debugLine : undefined });
  problems.push(...d.problems);
  return { proof, deliveries: d.deliveries, allDelivered: d.allDelivered, mustShow: d.secret.mustShow, keptForRedelivery: d.secret.journalPath !== null, problems, ok: d.ok && problems.length === 0 };
}

function deliveryLines(r: DeliveredOnCreate): string[] {
  return [`Targets (${r.deliveries.filter(isDelivered).length} of ${r.deliveries.length} delivered):`, ...r.deliveries.map(outcomeLine)];
}

/** What to do about targets that do not hold the new credential, in words (none when all do). */
function followUp(r: DeliveredOnCreate, id: string, show: boolean): string[] {
  const missing = r.deliveries.filter((d) => !isDelivered(d)).length;
  if (!missing) return [show ? '' : 'Every target has it: the secret is not printed.'].filter(Boolean);
  if (r.proof !== 'ok') return [`Nothing was delivered. The targets are kept for ${id}: once it works, vcreds rotate ${id} delivers a new secret to them.`];
  const lines = [`${missing} target(s) do not hold the new credential: fix them, then run vcreds targets deliver ${id}.`];
  lines.push(r.keptForRedelivery ? 'Until then the new secret is kept in the recovery journal (only there), for vcreds targets deliver.' : 'The new secret could not be kept for re-delivery.');
  return lines;
}

function reportHmac(cli: CliState, g: GeneratedHmac, savedTo: SavedTo | null, r: DeliveredOnCreate, show: boolean, json: boolean): void {
  for (const p of r.problems) cli.warn(p);
  if (json) {
    const text = JSON.stringify({
      apiId: g.apiId, apiSecret: show ? g.apiSecret : null, expiresAt: g.expiresAt, owner: g.owner, savedTo, proof: r.proof,
      targets: r.deliveries, allDelivered: r.allDelivered, keptForRedelivery: r.keptForRedelivery, problems: r.problems,
    }, null, 2);
    if (show) printSecret(cli, text);
    else cli.out(text);
    return;
  }
  const lines = [`Created the HMAC key ${g.apiId} for ${said(g.owner.userName)}, expires ${(g.expiresAt ?? 'never').slice(0, 10)}${savedTo ? `; saved to profile [${said(savedTo.profile)}] of ${said(savedTo.path)}` : ''}.`];
  lines.push(r.proof === 'ok' ? 'The new key works (a signed call succeeded).' : r.proof === 'failed' ? 'The new key FAILED its test call: nothing was delivered.' : 'The new key was not proven: nothing was delivered.');
  lines.push(...deliveryLines(r), ...followUp(r, g.apiId, show));
  if (show) {
    lines.push(hmacSecretText(g));
    printSecret(cli, lines.join('\n'));
  } else {
    cli.out(lines.join('\n'));
  }
}

function reportOAuth(cli: CliState, view: CredentialView, name: string, s: { clientId: string; secretId: string; clientSecret: string; expiresAt: string | null }, r: DeliveredOnCreate, show: boolean, json: boolean): void {
  for (const p of r.problems) cli.warn(p);
  const clientId = s.clientId || view.id;
  if (json) {
    const text = JSON.stringify({
      client: credentialJson(view), clientId, secretId: s.secretId, clientSecret: show ? s.clientSecret : null, expiresAt: s.expiresAt, proof: r.proof,
      targets: r.deliveries, allDelivered: r.allDelivered, keptForRedelivery: r.keptForRedelivery, problems: r.problems,
    }, null, 2);
    if (show) printSecret(cli, text);
    else cli.out(text);
    return;
  }
  const lines = [`Created the OAuth client "${said(view.name ?? name)}" (${clientId}, secret ${s.secretId}) for ${said(view.owner.userName)}, roles ${view.roles.map((x) => said(x.name)).join(', ')}, expires ${(view.expiresAt ?? '').slice(0, 10)}.`];
  lines.push(r.proof === 'ok' ? 'The new secret works (a token was issued).' : r.proof === 'failed' ? 'The new secret FAILED its token request: nothing was delivered.' : 'The new secret was not proven: nothing was delivered.');
  lines.push(...deliveryLines(r), ...followUp(r, clientId, show));
  if (show) {
    lines.push('# The secret is shown once: store it now.', `client_id = ${clientId}`, `client_secret = ${s.clientSecret}`);
    printSecret(cli, lines.join('\n'));
  } else {
    cli.out(lines.join('\n'));
  }
}
