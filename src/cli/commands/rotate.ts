// `vcreds rotate (--profile NAME | ID) [--revoke-old] [--retire-old] [--json]`. Everything from
// the request for the new secret until it is saved or printed runs under the signal guard, and the
// HMAC rotation holds the credentials file's lock throughout (src/ops/rotate.ts).
import { Argument, Option, type Command } from 'commander';
import { DAY_MS, viewOf, type Credential } from '../../model/credential.js';
import { resolveCredential } from '../../ops/resolve.js';
import { hmacSecretNeedsSaving } from '../../ops/rotate.js';
import { planRotation, rotateAndDeliver, targetsOf, type DeliveryPlan, type RotateDeliverOptions, type RotateDeliverResult } from '../../ops/rotate-deliver.js';
import { isDelivered } from '../../targets/deliver.js';
import type { TargetOutcome } from '../../targets/types.js';
import { escapeControl, jsonText } from '../../text/escape.js';
import type { HmacRotationResult, OAuthRotationResult } from '../../ops/rotate-types.js';
import { critical } from '../../ops/signal-guard.js';
import type { CliState } from '../cli-state.js';
import { CliError, EXIT, UsageError, report } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { nonBlank, parseDays } from '../parse.js';
import { loadViews } from './load.js';
import { lostAnswer } from './lost-answer.js';
import { printSecret } from './secret-out.js';
import { hmacSecretText } from './secret-text.js';
import { outcomeLine, targetsStoreOf } from './targets.js';

const said = (t: string) => escapeControl(t, { oneLine: true });

export function registerRotate(program: Command, cli: CliState): void {
  program
    .command('rotate')
    .description('replace a key with a new one, update local profiles and targets, prove it works')
    .addArgument(new Argument('[id]', 'credential id or unique prefix (default: the key in use, i.e. --profile, env vars or [default])').argParser(nonBlank('a credential id or unique prefix')))
    .option('--revoke-old', 'HMAC: revoke the previous key as soon as the new one is proven (a leaked key); otherwise it keeps working 24 hours')
    .option('--retire-old', 'OAuth: retire the previous secret once the new one is proven')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.rotate)
    .option('--keep-old', 'OAuth with targets: keep the previous secret even when every target has the new one')
    .option('--dry-run', 'print the plan (what would be generated, written, delivered), change nothing')
    .addOption(new Option('--due <days>', 'rotate every credential of yours expiring within DAYS, delivering to its targets (exit as check: 0/1/2/3)').argParser(parseDays))
    .option('--all-targets', 'with --due: every due credential that has targets, whoever owns it (not only yours)')
    .option('--org', 'with --due: as --all-targets (administrators see the whole organisation)')
    .action(async (id: string | undefined, o: RotateFlags) => {
      if (o.due !== undefined) {
        if (id) throw new UsageError('--due rotates every due credential: give no id');
        await rotateDue(cli, o);
        return;
      }
      if (o.allTargets || o.org) throw new UsageError('--all-targets and --org go with --due DAYS');
      if (!o.dryRun) cli.refuseIfReadOnly('rotate a credential');
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
      if (target.type !== 'oauth' && o.keepOld) throw new UsageError('--keep-old is for OAuth clients', 'An HMAC key\'s previous pair works 24 hours after a rotation; --revoke-old ends it sooner.');
      const chosen = target;
      const options = deliveryOptions(cli, o, expectProfiles);
      if (o.dryRun) {
        const r = await rotateAndDeliver(ctx, chosen, { ...options, dryRun: true });
        if (r.kind === 'plan') printPlan(cli, r.plan, Boolean(o.json));
        return;
      }
      await critical(async () => {
        let r: RotateDeliverResult;
        try {
          r = await rotateAndDeliver(ctx, chosen, options);
        } catch (err) {
          throw lostAnswer(err, chosen.type === 'hmac' ? { kind: 'hmac', owner: chosen.owner.userName } : { kind: 'oauth-secret', clientId: chosen.id }) ?? err;
        }
        if (r.kind === 'plan') return;
        if (r.kind === 'hmac') {
          if (r.deliveries.length) reportHmacDelivery(cli, r, Boolean(o.json));
          else reportHmac(cli, r.rotation, Boolean(o.json));
          r.rotation.held.release(); // printed, safely in a proven profile or target, or kept for re-delivery
          // The variables live in the caller's shell or CI settings: only the user can update them.
          if (ctx.connection.source === 'env' && session.keyId === chosen.id) {
            cli.warn(`the rotated key is the one in VERACODE_API_KEY_ID/SECRET: put the new pair there (shell profile, CI secrets); ${oldKeyFate(r.rotation)}.`);
          }
          const h = r.rotation;
          if (h.proof !== 'ok' || h.write === 'failed' || h.oldKey.revoked === 'failed' || !r.allDelivered) cli.exitCode = EXIT.failed;
        } else {
          const name = viewOf(chosen, ctx.now()).name ?? chosen.id;
          if (r.deliveries.length) reportOAuthDelivery(cli, r, name, Boolean(o.json));
          else reportOAuth(cli, r.rotation, name, Boolean(o.json));
          r.rotation.held.release(); // printed, delivered, or kept for re-delivery
          if (r.rotation.proof !== 'ok' || r.rotation.problems.length || !r.allDelivered) cli.exitCode = EXIT.failed;
        }
      }, `rotating the ${chosen.type === 'hmac' ? 'HMAC key' : 'OAuth client'} ${chosen.id} (nothing created yet)`);
    });
}

interface RotateFlags {
  revokeOld?: boolean;
  retireOld?: boolean;
  keepOld?: boolean;
  json?: boolean;
  dryRun?: boolean;
  due?: number;
  allTargets?: boolean;
  org?: boolean;
}

function deliveryOptions(cli: CliState, o: RotateFlags, expectProfiles: readonly string[]): RotateDeliverOptions {
  return {
    targets: targetsStoreOf(cli), env: cli.io.env, debug: cli.globals.debug ? cli.debugLine : undefined,
    expectProfiles, revokeOld: Boolean(o.revokeOld), retireOld: Boolean(o.retireOld), keepOld: Boolean(o.keepOld),
  };
}

function printPlan(cli: CliState, plan: DeliveryPlan, json: boolean): void {
  if (json) {
    cli.out(jsonText({ dryRun: true, ...plan }));
    return;
  }
  const c = plan.credential;
  const lines = [`Plan (dry run, nothing changed) for the ${c.type === 'hmac' ? 'HMAC key' : `OAuth client "${said(c.name ?? c.id)}"`} ${c.id} of ${said(c.owner)}, expiring ${c.expiresAt?.slice(0, 10) ?? 'never'}:`];
  plan.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${said(s)}`));
  lines.push(plan.targets.length ? 'Targets:' : 'No targets (vcreds targets add ID TARGET adds one).');
  for (const t of plan.targets) lines.push(`  ${said(t.target)} (${said(t.of)})${t.holds ? `, holds ${t.holds} now` : ''}${t.problem ? `: ${said(t.problem)}` : ''}`);
  cli.out(lines.join('\n'));
}

function deliveryLines(deliveries: readonly TargetOutcome[]): string[] {
  return [`Targets (${deliveries.filter(isDelivered).length} of ${deliveries.length} delivered):`, ...deliveries.map(outcomeLine)];
}

function reportHmacDelivery(cli: CliState, r: Extract<RotateDeliverResult, { kind: 'hmac' }>, json: boolean): void {
  const h = r.rotation;
  for (const p of h.problems) cli.warn(p);
  const show = r.secret.mustShow;
  if (json) {
    const { apiSecret, ...generated } = h.generated;
    const text = JSON.stringify({
      type: 'hmac', generated: { ...generated, apiSecret: show ? apiSecret : null }, profilesUpdated: h.profilesUpdated, backupPath: h.backupPath, write: h.write, proof: h.proof, restored: h.restored, oldKey: h.oldKey,
      targets: r.deliveries, allDelivered: r.allDelivered, deadline: r.deadline, keptForRedelivery: r.secret.journalPath !== null, problems: h.problems,
    }, null, 2);
    if (show) printSecret(cli, text);
    else cli.out(text);
    return;
  }
  const lines: string[] = [];
  if (h.write === 'ok' && !h.restored) lines.push(`Rotated: profiles ${h.profilesUpdated.map((p) => `[${p}]`).join(', ')} now hold the new key ${h.generated.apiId}.`);
  else lines.push(`Rotated: the new key is ${h.generated.apiId}.`);
  lines.push(h.proof === 'ok' ? 'The new key works (a signed call succeeded).' : h.proof === 'failed' ? 'The new key FAILED its test call: nothing was delivered.' : 'The new key was not proven: nothing was delivered.');
  lines.push(...deliveryLines(r.deliveries));
  const failed = r.deliveries.filter((d) => !isDelivered(d));
  if (failed.length && h.proof === 'ok') {
    lines.push(r.deadline
      ? `${failed.length} target(s) still hold the previous key ${h.oldKey.id}, which works until about ${utc(r.deadline)} (Veracode's grace): fix them before then, and run vcreds targets deliver ${h.generated.apiId}.`
      : `${failed.length} target(s) do not hold the new key: fix them, then run vcreds targets deliver ${h.generated.apiId}.`);
    lines.push(r.secret.journalPath ? 'Until then the new secret is kept in the recovery journal (only there), for vcreds targets deliver.' : 'The new secret could not be kept for re-delivery.');
  } else {
    const fate = oldKeyFate(h);
    lines.push(`${fate[0]!.toUpperCase()}${fate.slice(1)} (owner ${h.generated.owner.userName}).`);
  }
  if (show) {
    lines.push(hmacSecretText(h.generated));
    printSecret(cli, lines.join('\n'));
  } else {
    cli.out(lines.join('\n'));
  }
}

function reportOAuthDelivery(cli: CliState, r: Extract<RotateDeliverResult, { kind: 'oauth' }>, name: string, json: boolean): void {
  const o = r.rotation;
  for (const p of o.problems) cli.warn(p);
  const show = r.secret.mustShow;
  if (json) {
    const secret = show ? o.secret : { ...o.secret, clientSecret: null };
    const text = JSON.stringify({ type: 'oauth', secret, proof: o.proof, targets: r.deliveries, allDelivered: r.allDelivered, previousSecrets: r.previousSecrets, retiredSecretIds: o.retiredSecretIds, keptForRedelivery: r.secret.journalPath !== null, problems: o.problems }, null, 2);
    if (show) printSecret(cli, text);
    else cli.out(text);
    return;
  }
  const lines = [`New secret ${o.secret.secretId} for OAuth client "${said(name)}"${o.proof === 'ok' ? ' (proven: a token was issued)' : o.proof === 'failed' ? ' (its token request FAILED: nothing was delivered)' : ''}.`];
  lines.push(...deliveryLines(r.deliveries));
  if (r.previousSecrets.retired.length) lines.push(`Every target has the new secret: the previous secret(s) ${r.previousSecrets.retired.join(', ')} were retired.`);
  if (r.previousSecrets.kept.length) {
    const failed = r.deliveries.filter((d) => !isDelivered(d));
    lines.push(failed.length
      ? `The previous secret(s) ${r.previousSecrets.kept.join(', ')} were KEPT: ${failed.map((d) => said(d.target)).join(', ')} still hold${failed.length === 1 ? 's' : ''} ${failed.map((d) => d.holds ?? 'the previous secret').join(', ')}; the others hold ${o.secret.secretId}. Fix them, run vcreds targets deliver ${o.secret.clientId} --retire-old.`
      : `The previous secret(s) ${r.previousSecrets.kept.join(', ')} were kept (--keep-old).`);
  }
  if (r.secret.journalPath) lines.push('Until every target has it, the new secret is kept in the recovery journal (only there), for vcreds targets deliver.');
  if (show) {
    lines.push('# The secret is shown once: store it now.', `client_id = ${o.secret.clientId}`, `client_secret = ${o.secret.clientSecret}`);
    printSecret(cli, lines.join('\n'));
  } else {
    cli.out(lines.join('\n'));
  }
}

/**
 * `rotate --due DAYS`: every due credential (yours; with --all-targets/--org every one with
 * targets), rotated and delivered, one summary line each. Exit as check: 0 all done (or nothing
 * due), 1 a due credential was skipped (no target and no profile: its new secret would only be
 * printed), 2 a rotation or delivery failed, 3 could not run.
 */
async function rotateDue(cli: CliState, o: RotateFlags): Promise<void> {
  const UNKNOWN = 3;
  const summary: { id: string; type: string; owner: string; expiresAt: string | null; state: 'rotated' | 'failed' | 'skipped'; line: string; newId?: string; targets?: TargetOutcome[] }[] = [];
  let loaded;
  try {
    if (!o.dryRun) cli.refuseIfReadOnly('rotate credentials');
    loaded = await loadViews(cli);
  } catch (err) {
    const r = report(err);
    if (o.json) cli.out(jsonText({ state: 'UNKNOWN', error: r.message }));
    else cli.out(`UNKNOWN ${said(r.message)}`);
    cli.exitCode = UNKNOWN;
    return;
  }
  const { session, org, views } = loaded;
  const { ctx } = session;
  const store = targetsStoreOf(cli);
  const now = ctx.now();
  const horizon = now + o.due! * DAY_MS;
  const everyone = Boolean(o.allTargets || o.org);
  const due = views.filter((c) => {
    if (c.revokedAt || c.status === 'revoked' || c.status === 'superseded') return false;
    const t = c.expiresAt ? Date.parse(c.expiresAt) : NaN;
    if (Number.isNaN(t) || t > horizon) return false;
    if (c.owner.userId === org.caller.userId) return true;
    return everyone && targetsOf(ctx, c, store).length > 0;
  });
  for (const c of due) {
    const bindings = targetsOf(ctx, c, store);
    const label = `${c.type === 'hmac' ? 'HMAC key' : `OAuth client "${said(c.name ?? c.id)}"`} ${c.id} of ${said(c.owner.userName)}, expires ${c.expiresAt?.slice(0, 10)}`;
    if (!bindings.length && !(c.profiles ?? []).length) {
      summary.push({ id: c.id, type: c.type, owner: c.owner.userName, expiresAt: c.expiresAt, state: 'skipped', line: `${label}: skipped, it has no target and no local profile (its new secret would only be printed); add one: vcreds targets add ${c.id} TARGET` });
      continue;
    }
    const options = { ...deliveryOptions(cli, o, c.profiles ?? []), retireOld: c.type === 'oauth' ? true : false };
    if (o.dryRun) {
      const plan = planRotation(ctx, c, options);
      summary.push({ id: c.id, type: c.type, owner: c.owner.userName, expiresAt: c.expiresAt, state: 'rotated', line: `${label}: would rotate and deliver to ${plan.targets.map((t) => t.target).join(', ') || 'its profiles'}` });
      continue;
    }
    try {
      await critical(async () => {
        const r = await rotateAndDeliver(ctx, c, options);
        if (r.kind === 'plan') return;
        const held = r.rotation.held;
        const newId = r.kind === 'hmac' ? r.rotation.generated.apiId : `${r.rotation.secret.clientId}/${r.rotation.secret.secretId}`;
        const counts = `${r.deliveries.filter(isDelivered).length}/${r.deliveries.length} target(s) delivered`;
        let line: string;
        if (r.ok) {
          line = `${label}: rotated to ${newId}, proven, ${counts}`;
        } else {
          const failed = r.deliveries.filter((d) => !isDelivered(d)).map((d) => `${said(d.target)} (${said(d.detail)})`);
          const problems = (r.kind === 'hmac' ? r.rotation.problems : r.rotation.problems).map(said);
          const deadline = r.kind === 'hmac' && r.deadline ? `; fix by ${utc(r.deadline)}, then vcreds targets deliver ${r.rotation.generated.apiId}` : r.kind === 'oauth' && r.previousSecrets.kept.length ? `; previous secret kept; fix, then vcreds targets deliver ${r.rotation.secret.clientId} --retire-old` : '';
          line = `${label}: rotated to ${newId}, ${counts}${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}${problems.length ? `; ${problems.join('; ')}` : ''}${deadline}`;
        }
        if (r.secret.mustShow) {
          // Nowhere safe: shown once, as rotate does.
          printSecret(cli, r.kind === 'hmac' ? hmacSecretText(r.rotation.generated) : `client_id = ${r.rotation.secret.clientId}\nclient_secret = ${r.rotation.secret.clientSecret}`);
        }
        held.release();
        summary.push({ id: c.id, type: c.type, owner: c.owner.userName, expiresAt: c.expiresAt, state: r.ok ? 'rotated' : 'failed', line, newId, targets: r.deliveries });
      }, `rotating ${c.id} (nothing created yet)`);
    } catch (err) {
      summary.push({ id: c.id, type: c.type, owner: c.owner.userName, expiresAt: c.expiresAt, state: 'failed', line: `${label}: FAILED, ${said(report(err).message)}` });
    }
  }
  const state = summary.some((s) => s.state === 'failed') ? 'CRITICAL' : summary.some((s) => s.state === 'skipped') ? 'WARNING' : 'OK';
  const exitCode = { OK: 0, WARNING: 1, CRITICAL: 2 }[state];
  if (o.json) {
    cli.out(jsonText({ state, exitCode, dueDays: o.due, dryRun: Boolean(o.dryRun), results: summary }));
  } else {
    const order = { failed: 0, skipped: 1, rotated: 2 };
    const lines = [...summary].sort((a, b) => order[a.state] - order[b.state]).map((s) => `${s.state === 'failed' ? 'CRITICAL' : s.state === 'skipped' ? 'WARNING' : 'OK'} ${s.line}`);
    if (!summary.length) lines.push(`OK nothing expires within ${o.due} day(s)`);
    cli.out(lines.join('\n'));
  }
  cli.exitCode = exitCode;
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
