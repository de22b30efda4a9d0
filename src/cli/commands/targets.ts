// `vcreds targets [list|add|remove|test|deliver]`: where credentials are delivered on rotation.
// The targets live in the preferences store (descriptors only); delivery is src/targets/ and the
// op src/ops/rotate-deliver.ts.
import { Option, type Command } from 'commander';
import type { TargetBinding } from '../../config/preferences-types.js';
import { resolveCredential } from '../../ops/resolve.js';
import { NothingToRedeliver, redeliver } from '../../ops/rotate-deliver.js';
import { testTarget } from '../../targets/deliver.js';
import { formatTarget, kindRefusal, parseNameOption, parseTarget, TargetSyntaxError, TARGET_FORMS } from '../../targets/descriptor.js';
import { createTargetsStore, ownerText, type TargetOwner, type TargetsStore } from '../../targets/store.js';
import type { TargetOutcome } from '../../targets/types.js';
import { escapeControl, jsonText } from '../../text/escape.js';
import type { CliState } from '../cli-state.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { collect } from '../parse.js';
import { loadViews } from './load.js';
import { isAbsolute, resolve } from 'node:path';

const said = (t: string) => escapeControl(t, { oneLine: true });

export function targetsStoreOf(cli: CliState): TargetsStore {
  return createTargetsStore(cli.preferences());
}

/** The kind a credential id names without asking the server: HMAC ids are hex. */
function kindOfId(id: string): 'hmac' | 'oauth' {
  return /^([a-z0-9]{8}-)?[0-9a-f]{32,128}$/i.test(id) ? 'hmac' : 'oauth';
}

const WHOLE_ID = /^([a-z0-9]{8}-)?[0-9a-f]{32,128}$|^[0-9a-z][0-9a-z-]{15,}$/i;

/** ID or --profile NAME (the global flag), with TARGET: `add ID TARGET`, `add --profile ci TARGET`. */
function ownerAndTarget(cli: CliState, args: string[], needTarget: boolean): { owner: TargetOwner | null; idInput: string | null; target: string | null } {
  const profile = cli.globals.profile ?? null;
  if (args.length > 2) throw new UsageError(`too many arguments: ${args.map(said).join(' ')}`, 'Give ID TARGET, or --profile NAME TARGET.');
  if (args.length === 2) return { owner: null, idInput: args[0]!, target: args[1]! };
  if (args.length === 1) {
    if (profile) return { owner: { profile }, idInput: null, target: args[0]! };
    if (needTarget) throw new UsageError('give the credential id and the target, or --profile NAME and the target', `e.g. vcreds targets add 3ddaeeb1 dotenv:.env (forms: ${TARGET_FORMS.join(', ')})`);
    return { owner: null, idInput: args[0]!, target: null };
  }
  if (needTarget) throw new UsageError('give the credential id (or --profile NAME) and the target', `Forms: ${TARGET_FORMS.join(', ')}.`);
  return { owner: profile ? { profile } : null, idInput: null, target: null };
}

/** A credential id as typed, made whole: from the server's list (a prefix is fine), else taken as typed when it is whole. */
async function resolveId(cli: CliState, input: string): Promise<{ id: string; kind: 'hmac' | 'oauth' }> {
  try {
    const { views } = await loadViews(cli);
    const c = resolveCredential(views, input);
    return { id: c.id, kind: c.type };
  } catch (err) {
    if (WHOLE_ID.test(input.trim())) {
      cli.warn(`${said(input)} was not found on the server (${said(err instanceof Error ? err.message : String(err))}); using it as typed`);
      return { id: input.trim(), kind: kindOfId(input.trim()) };
    }
    throw err;
  }
}

/** A dotenv path is kept absolute: rotation may run from another folder. */
/** A target as stored: a dotenv path made absolute (the file is found from any folder later). */
export function canonicalTarget(text: string): string {
  const t = parseTarget(text);
  return formatTarget(t.kind === 'dotenv' && !isAbsolute(t.path) ? { kind: 'dotenv', path: resolve(t.path) } : t);
}

/** `--name id=NAME` / `--name secret=NAME` as the names a target delivers under; a usage error otherwise. */
export function namesFromOptions(names: readonly string[]): { idName?: string; valueName?: string } {
  const out: { idName?: string; valueName?: string } = {};
  for (const n of names) {
    try {
      const { which, name } = parseNameOption(n);
      if (which === 'id') out.idName = name;
      else out.valueName = name;
    } catch (err) {
      if (err instanceof TargetSyntaxError) throw new UsageError(err.message);
      throw err;
    }
  }
  return out;
}

function stateText(b: TargetBinding): string {
  if (!b.last) return 'never delivered';
  const at = b.last.at.slice(0, 16).replace('T', ' ');
  if (b.last.outcome === 'failed') return `FAILED ${at} UTC: ${b.last.reason ?? ''} (holds ${b.last.holds})`;
  return `${b.last.outcome} ${at} UTC (holds ${b.last.holds})`;
}

export function outcomeLine(o: TargetOutcome): string {
  const mark = { proven: 'proven   ', delivered: 'delivered', failed: 'FAILED   ', skipped: 'skipped  ', planned: 'planned  ' }[o.status];
  return `  ${mark} ${said(o.target)}  ${said(o.detail)}`;
}

export function registerTargets(program: Command, cli: CliState): void {
  const targets = program
    .command('targets')
    .description('where credentials are delivered on rotation: dotenv files, commands, GitHub, GitLab, Vault, profiles')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.targets)
    .action((o: { json?: boolean }) => listTargets(cli, targetsStoreOf(cli), Boolean(o.json)));

  targets
    .command('list')
    .description('every target, of every credential and profile')
    .option('--json', 'JSON on stdout')
    .action((o: { json?: boolean }) => listTargets(cli, targetsStoreOf(cli), Boolean(o.json)));

  targets
    .command('add')
    .description('add a target to a credential (ID) or to a local profile (--profile NAME)')
    .argument('<args...>', 'ID TARGET, or TARGET with --profile NAME')
    .option('--name <KEY=NAME>', 'deliver the id or the secret under another name (KEY: id or secret), repeatable', collect, [])
    .addOption(new Option('--masked', 'GitLab: mask the variables (default)'))
    .addOption(new Option('--no-masked', 'GitLab: do not mask them'))
    .option('--protected', 'GitLab: protected variables (protected branches and tags only)')
    .addHelpText('after', EXAMPLES.targets)
    .action(async (args: string[], o: { name: string[]; masked?: boolean; protected?: boolean }) => {
      cli.refuseIfReadOnly('add a target');
      const picked = ownerAndTarget(cli, args, true);
      let target: string;
      try {
        target = canonicalTarget(picked.target!);
      } catch (err) {
        throw new UsageError(err instanceof Error ? err.message : String(err));
      }
      const options: { idName?: string; valueName?: string; masked?: boolean; protected?: boolean } = namesFromOptions(o.name);
      const t = parseTarget(target);
      if (t.kind === 'gitlab') {
        if (o.masked !== undefined) options.masked = o.masked;
        if (o.protected) options.protected = true;
      } else if (o.masked !== undefined || o.protected) {
        throw new UsageError('--masked / --no-masked / --protected are for gitlab: targets');
      }
      let owner = picked.owner;
      let kind: 'hmac' | 'oauth' = 'hmac';
      if (!owner) {
        const r = await resolveId(cli, picked.idInput!);
        owner = { credentialId: r.id };
        kind = r.kind;
      }
      const refusal = kindRefusal(t, kind);
      if (refusal) throw new UsageError(`${said(target)}: ${refusal}`);
      const b = targetsStoreOf(cli).add(owner, target, options);
      cli.out(`Added ${said(b.target)} to ${said(ownerText(owner))}; it is delivered to on every rotation (vcreds targets test checks access now).`);
    });

  targets
    .command('remove')
    .description('remove a target from a credential (ID) or a local profile (--profile NAME)')
    .argument('<args...>', 'ID TARGET, or TARGET with --profile NAME')
    .action(async (args: string[]) => {
      cli.refuseIfReadOnly('remove a target');
      const picked = ownerAndTarget(cli, args, true);
      const store = targetsStoreOf(cli);
      let owner = picked.owner;
      if (!owner) {
        const typed = picked.idInput!;
        // Stored ids are whole: match a typed prefix against them first, with no server needed.
        const ids = [...new Set(store.list().filter((b) => b.credentialId).map((b) => b.credentialId!))];
        const hits = ids.filter((id) => id.toLowerCase().startsWith(typed.toLowerCase()));
        owner = { credentialId: hits.length === 1 ? hits[0]! : typed };
      }
      let target = picked.target!;
      try {
        target = canonicalTarget(target);
      } catch {
        // removed as typed
      }
      if (!store.remove(owner, target)) throw new CliError(`${said(ownerText(owner))} has no target ${said(target)}`, EXIT.failed, 'See them with: vcreds targets');
      cli.out(`Removed ${said(target)} from ${said(ownerText(owner))}.`);
    });

  targets
    .command('test')
    .description('check access to targets without changing anything (all, or those of ID / --profile NAME)')
    .argument('[args...]', 'ID [TARGET], or [TARGET] with --profile NAME')
    .option('--json', 'JSON on stdout')
    .action(async (args: string[], o: { json?: boolean }) => {
      const picked = ownerAndTarget(cli, args, false);
      const store = targetsStoreOf(cli);
      let bindings = store.list();
      if (picked.owner) bindings = store.of(picked.owner);
      else if (picked.idInput) {
        const typed = picked.idInput.toLowerCase();
        bindings = bindings.filter((b) => b.credentialId?.toLowerCase().startsWith(typed));
      }
      if (picked.target) {
        let t = picked.target;
        try {
          t = canonicalTarget(t);
        } catch {
          // compared as typed
        }
        bindings = bindings.filter((b) => b.target === t);
      }
      if (!bindings.length) throw new CliError('no targets to test', EXIT.failed, 'Add one with: vcreds targets add ID TARGET');
      const results = [];
      for (const b of bindings) {
        const kind = b.credentialId ? kindOfId(b.credentialId) : 'hmac';
        const r = await testTarget(b, kind, { env: cli.io.env, debug: cli.globals.debug ? cli.debugLine : undefined, credentialsPath: cli.credentialsPath, now: Date.now });
        results.push({ of: ownerText(b), target: b.target, ok: r.ok, detail: r.detail });
      }
      if (o.json) cli.out(jsonText(results));
      else cli.out(results.map((r) => `${r.ok ? 'ok    ' : 'FAILED'} ${said(r.target)} (${said(r.of)})  ${said(r.detail)}`).join('\n'));
      if (results.some((r) => !r.ok)) cli.exitCode = EXIT.failed;
    });

  targets
    .command('deliver')
    .description('deliver the current secret again to the targets that do not hold it (while the recovery journal still has it)')
    .argument('<id>', 'the credential: the new HMAC id, or the OAuth client id')
    .option('--all', 'deliver to every target, not only those that failed')
    .option('--retire-old', 'OAuth: once every target has the current secret, retire the client\'s other secrets')
    .option('--json', 'JSON on stdout')
    .action(async (id: string, o: { all?: boolean; retireOld?: boolean; json?: boolean }) => {
      cli.refuseIfReadOnly('deliver a secret');
      const store = targetsStoreOf(cli);
      const ids = [...new Set(store.list().filter((b) => b.credentialId).map((b) => b.credentialId!))];
      const hits = ids.filter((x) => x.toLowerCase().startsWith(id.toLowerCase()));
      const whole = hits.length === 1 ? hits[0]! : id;
      let credentialsPath = cli.credentialsPath;
      let retireOld;
      let profiles: string[] = [];
      if (o.retireOld || cli.globals.demo) {
        const { views, session } = await loadViews(cli);
        credentialsPath = session.ctx.credentialsPath;
        const c = resolveCredential(views, whole);
        profiles = c.profiles ?? [];
        if (o.retireOld) {
          if (c.type !== 'oauth') throw new UsageError('--retire-old is for OAuth clients');
          retireOld = { ctx: session.ctx, client: c };
        }
      }
      let r;
      try {
        r = await redeliver(whole, {
          targets: store, env: cli.io.env, debug: cli.globals.debug ? cli.debugLine : undefined, credentialsPath, now: Date.now, all: o.all, profiles, retireOld,
          onOutcome: o.json ? undefined : (x) => cli.note(outcomeLine(x)),
        });
      } catch (err) {
        if (err instanceof NothingToRedeliver) throw new CliError(err.message, EXIT.failed, err.hint);
        throw err;
      }
      for (const p of r.problems) cli.warn(p);
      if (o.json) {
        cli.out(jsonText(r));
      } else {
        const lines = [`Delivered ${r.current} to ${r.deliveries.filter((d) => d.status !== 'failed').length} of ${r.deliveries.length} target(s)${r.alreadyHeld.length ? `; ${r.alreadyHeld.length} already held it` : ''}.`];
        if (r.retired.length) lines.push(`Retired the previous secret(s): ${r.retired.join(', ')}.`);
        lines.push(r.released ? 'Every target has it now: it is no longer kept in the recovery journal.' : `Still kept in the recovery journal: fix the failed target(s), then run vcreds targets deliver ${r.credentialId} again.`);
        cli.out(lines.join('\n'));
      }
      if (!r.allDelivered || r.problems.length) cli.exitCode = EXIT.failed;
    });
}

function listTargets(cli: CliState, store: TargetsStore, json: boolean): void {
  const all = store.list();
  if (json) {
    cli.out(jsonText(all));
    return;
  }
  if (!all.length) {
    cli.out('No targets. Add one with: vcreds targets add ID TARGET (or --profile NAME TARGET)');
    return;
  }
  const lines: string[] = [];
  let last = '';
  for (const b of all) {
    const of = ownerText(b);
    if (of !== last) lines.push(`${said(of)}:`);
    last = of;
    const names = b.idName || b.valueName ? ` as ${b.idName ?? 'default'}/${b.valueName ?? 'default'}` : '';
    lines.push(`  ${said(b.target)}${names}  ${said(stateText(b))}`);
  }
  cli.out(lines.join('\n'));
}
