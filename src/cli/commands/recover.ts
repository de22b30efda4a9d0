// `vcreds recover [--json]`: finishes what an interrupted run left in the recovery journal
// (src/credentials/journal.ts). For each entry: the pair is written to the profiles it was meant
// for (atomically, under the credentials file's lock, and only to a profile that still holds the
// key it was meant to replace), or, when there was no such job or it can no longer be done, the
// secret is printed on stdout. Then the entry is removed. Any other command that finds an entry
// says so in one line on stderr.
import type { Command } from 'commander';
import { listRecords, removeRecord, type JournalEntry, type JournalRecord } from '../../credentials/journal.js';
import { lockCredentials } from '../../credentials/lock.js';
import { bareId } from '../../credentials/sources.js';
import { writeProfiles } from '../../credentials/writer.js';
import { keyInProfile } from '../../ops/save-profile.js';
import { withPrefix } from '../../signing/region.js';
import type { CliState } from '../cli-state.js';
import { EXIT } from '../errors.js';
import { printSecret } from './secret-out.js';

interface Outcome {
  file: string;
  kind: JournalEntry['kind'];
  id: string;
  secretId: string | null;
  owner: string | null;
  createdAt: string;
  expiresAt: string | null;
  /** saved: written to `savedTo`; printed: the secret is in `secret` (JSON) or on stdout. */
  action: 'saved' | 'printed';
  savedTo: string[];
  /** Profiles it was meant for that now hold another key (left alone). */
  skipped: string[];
  secret?: string;
}

export function registerRecover(program: Command, cli: CliState): void {
  registerRecoveryNotice(program, cli);
  program
    .command('recover')
    .description('finish or show what an interrupted run left: a new secret kept in the recovery journal')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', `
The recovery journal is <credentials file>.recovery/ (0700, one 0600 file per secret). A new secret
goes there the moment it arrives and leaves once it is saved or printed; kill -9, a crash or a
power cut in between leaves it there. recover writes it to the profiles it was meant for (only if
they still hold the key it replaces), or prints it, then removes the entry.

Examples:
  vcreds recover
  vcreds recover --json
`)
    .action(async (o: { json?: boolean }) => {
      const path = cli.globals.demo ? null : cli.credentialsPath;
      if (!path) {
        cli.note('vcreds: --demo keeps no recovery journal.');
        return;
      }
      const first = listRecords(path);
      if (first.records.length + first.unreadable.length === 0) {
        if (o.json) cli.out('[]');
        else cli.out(`Nothing to recover: no secret from an interrupted run is kept in ${first.dir}.`);
        return;
      }
      cli.refuseIfReadOnly('recover (it writes the credentials file)');
      const lock = await lockCredentials(path);
      try {
        // Read again under the lock: the run that wrote an entry may have finished meanwhile.
        const listing = listRecords(path);
        const outcomes: Outcome[] = [];
        for (const record of listing.records) outcomes.push(recoverOne(cli, path, record, Boolean(o.json)));
        for (const p of listing.unreadable) {
          cli.warn(`${p} could not be read as a recovery entry; it was left in place (it may hold a secret): look at it yourself, then delete it.`);
          cli.exitCode = EXIT.failed;
        }
        if (o.json) printSecret(cli, JSON.stringify(outcomes, null, 2));
        // Printed (or saved) and, for JSON, printed only now: only then is each entry let go.
        for (const [i, record] of listing.records.entries()) {
          if (outcomes[i]) removeRecord(record);
        }
      } finally {
        lock.release();
      }
    });
}

/** Whether a profile may receive the pair: it still holds what the run meant to replace, or already the pair. */
function profileState(path: string, name: string, replaces: string | null, newId: string): 'write' | 'done' | 'changed' {
  const now = keyInProfile(path, name);
  if (now && bareId(now) === bareId(newId)) return 'done';
  if (replaces === null ? now === null : now !== null && bareId(now) === bareId(replaces)) return 'write';
  return 'changed';
}

function recoverOne(cli: CliState, path: string, record: JournalRecord, json: boolean): Outcome {
  const e = record.entry;
  const out: Outcome = {
    file: record.path, kind: e.kind, id: e.id, secretId: e.secretId, owner: e.owner?.userName ?? null,
    createdAt: e.createdAt, expiresAt: e.expiresAt, action: 'printed', savedTo: [], skipped: [],
  };
  const label = e.kind === 'hmac'
    ? `HMAC key ${e.id}${out.owner ? ` of ${out.owner}` : ''}, created ${e.createdAt}`
    : `OAuth client ${e.id}${e.secretId ? `, secret ${e.secretId}` : ''}${out.owner ? ` of ${out.owner}` : ''}, created ${e.createdAt}`;
  if (e.kind === 'hmac' && e.intent.profiles.length) {
    const states = e.intent.profiles.map((p) => ({ p, state: profileState(path, p.name, p.replaces, e.id) }));
    const toWrite = states.filter((s) => s.state === 'write').map((s) => s.p);
    out.skipped = states.filter((s) => s.state === 'changed').map((s) => s.p.name);
    const done = states.filter((s) => s.state === 'done').map((s) => s.p.name);
    if (toWrite.length) {
      try {
        const written = writeProfiles(path, toWrite.map((p) => ({ profile: p.name, id: withPrefix(e.id, p.idPrefix), secret: withPrefix(e.secret, p.secretPrefix) })));
        for (const w of written.warnings) cli.warn(w);
        out.savedTo = [...done, ...toWrite.map((p) => p.name)];
      } catch (err) {
        cli.warn(`could not write ${label} to ${toWrite.map((p) => `[${p.name}]`).join(', ')}: ${err instanceof Error ? err.message : String(err)}`);
        out.skipped.push(...toWrite.map((p) => p.name));
      }
    } else {
      out.savedTo = done;
    }
    if (out.skipped.length === 0) {
      out.action = 'saved';
      if (!json) cli.out(`Recovered ${label}: ${out.savedTo.map((p) => `[${p}]`).join(', ')} of ${path} now hold${out.savedTo.length === 1 ? 's' : ''} it. vcreds check --profile ${out.savedTo[0]} tells whether it still works.`);
      return out;
    }
    cli.warn(`${out.skipped.map((p) => `[${p}]`).join(', ')} now hold${out.skipped.length === 1 ? 's' : ''} another key than the one ${label} was meant to replace: left alone; the secret is printed instead.`);
  }
  if (json) {
    out.secret = e.secret;
    return out;
  }
  const lines = e.kind === 'hmac'
    ? [`# Recovered ${label}. The secret is shown once: store it now.`, `veracode_api_key_id = ${e.id}`, `veracode_api_key_secret = ${e.secret}`]
    : [`# Recovered ${label}. The secret is shown once: store it now.`, `client_id = ${e.id}`, `client_secret = ${e.secret}`];
  printSecret(cli, lines.join('\n'));
  return out;
}

/**
 * Any other command that finds an entry says so, once, on stderr (never the secret). Registered
 * as a preAction hook so that it runs for every command, whatever its own code.
 */
export function registerRecoveryNotice(program: Command, cli: CliState): void {
  program.hook('preAction', (_root, action) => {
    if (action.name() === 'recover' || cli.globals.demo) return;
    try {
      const listing = listRecords(cli.credentialsPath);
      if (listing.records.length + listing.unreadable.length > 0) {
        cli.note(`vcreds: a secret from an interrupted run is kept in ${listing.dir}: run vcreds recover`);
      }
    } catch {
      // an unreadable folder: recover will say so when run
    }
  });
}
