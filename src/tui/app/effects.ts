// Carries out the effects update.ts asks for: loading, every change (through src/ops, the only
// way anything changes), the clipboard, timers, preferences. Each answers with a message.
import type { AppContext } from '../../app-context.js';
import type { PreferencesStore } from '../../config/preferences-types.js';
import { listProfiles } from '../../credentials/sources.js';
import { listRecords } from '../../credentials/journal.js';
import type { LoadBatch, LoadProgress } from '../../identity/types.js';
import type { ShownProgress } from '../list/progress.js';
import type { Credential } from '../../model/credential.js';
import { createHmac } from '../../ops/create-hmac.js';
import { createOAuthClient } from '../../ops/create-oauth.js';
import { retireOAuthSecrets } from '../../ops/retire-secrets.js';
import { revokeCredential } from '../../ops/revoke.js';
import { rotateAndDeliver } from '../../ops/rotate-deliver.js';
import { createTargetsStore } from '../../targets/store.js';
import { savePairLocked } from '../../ops/save-profile.js';
import { critical } from '../../ops/signal-guard.js';
import { describeFailure } from '../dialogs/failure.js';
import { ownerOf } from '../wizard/wizard-state.js';
import { currentHmacOf, submissionOf } from '../wizard/wizard-submit.js';
import type { EffectRunner } from './store.js';
import { unreachable, type Msg } from './messages.js';
import type { AccountSource } from '../accounts/all-accounts.js';
import type { Account } from '../../ops/all-profiles.js';

export interface EffectDeps {
  ctx: AppContext;
  preferences: PreferencesStore;
  copy(text: string): void;
  quit(): void;
  /** The accounts there are, and switching to one (the app is made anew over it). */
  accounts?: AccountSource;
  switchAccount?(account: Account | 'all'): void;
  /** How long a status-line message stays. */
  flashMs?: number;
}

/** A large organisation reports progress per page: redraw the count at most this often (each redraw is a whole frame). */
const PROGRESS_MS = 250;
/**
 * Pages arriving are handed to the list at most this often: every BATCH_MS, and less often as the
 * list grows (BATCH_MS_PER_ROW per row listed, up to BATCH_MS_MOST), because each hand-over costs
 * the whole list in new arrays (measured at 100,000 rows: a hand-over every 250 ms peaked ~390 MB).
 */
const BATCH_MS = 250;
const BATCH_MS_PER_ROW = 0.01;
const BATCH_MS_MOST = 1_000;

/** How long pages are held before the next hand-over, with `rows` credentials already listed. */
export function handOverWait(rows: number): number {
  return Math.min(BATCH_MS_MOST, Math.max(BATCH_MS, rows * BATCH_MS_PER_ROW));
}

/** Batches held for the next hand-over: their rows gathered in place, the latest counts. */
interface HeldPages {
  last: LoadBatch;
  credentials: LoadBatch['credentials'];
  users: NonNullable<LoadBatch['users']> | null;
}

function hold(held: HeldPages | null, b: LoadBatch): HeldPages {
  if (!held) return { last: b, credentials: [...b.credentials], users: b.users ? [...b.users] : null };
  held.last = b;
  for (const c of b.credentials) held.credentials.push(c);
  if (b.users) for (const u of b.users) (held.users ??= []).push(u);
  return held;
}

/** The held batches as one: every row in order, the counts of the latest. */
function handOver(held: HeldPages): LoadBatch {
  const { users: _users, ...last } = held.last;
  return { ...last, credentials: held.credentials, ...(held.users ? { users: held.users } : {}) };
}

/**
 * A pause for the rate limit can last a minute: it is shown at once and counted down every
 * second, so that the list never looks frozen, until `end` (the load went on, or stopped).
 */
function pauseCountdown(show: (progress: ShownProgress) => void): { show(progress: LoadProgress, until: number): void; end(): boolean } {
  let pause: { progress: LoadProgress; until: number; ticker: NodeJS.Timeout } | null = null;
  const tick = () => {
    if (!pause) return;
    const { waitingUntil: _until, ...progress } = pause.progress;
    show({ ...progress, waitSeconds: Math.max(0, Math.ceil((pause.until - Date.now()) / 1000)) });
  };
  return {
    show(progress, until) {
      pause ??= { progress, until, ticker: setInterval(tick, 1000) };
      pause.progress = progress;
      pause.until = until;
      tick();
    },
    /** Stops the countdown; true when there was one. */
    end() {
      if (!pause) return false;
      clearInterval(pause.ticker);
      pause = null;
      return true;
    },
  };
}

/** An error for the one-line status: the request line ("GET /api/…: ") is noise there. */
export function statusMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[A-Z]+ \/\S*: /, '');
}

/** Said at start when an earlier run left a new secret in the recovery journal (never the secret). */
export function interruptedSecretsNotice(credentialsPath: string): string | null {
  try {
    const listing = listRecords(credentialsPath);
    const n = listing.records.length + listing.unreadable.length;
    return n ? `A secret from an interrupted run is kept in ${listing.dir}: quit and run vcreds recover to save or see it.` : null;
  } catch {
    return null; // an unreadable folder: recover says so when run
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function hintOf(err: unknown): string | null {
  const raw = typeof err === 'object' && err !== null ? (err as { hint?: unknown }).hint : undefined;
  return typeof raw === 'string' && raw ? raw : null;
}

export function createEffectRunner(deps: EffectDeps): EffectRunner {
  const { ctx } = deps;
  let loading: AbortController | null = null;
  const signingKey = (send: (m: Msg) => void) => send({ kind: 'signing-key', id: ctx.signingKeyId() });
  const targetsStore = () => createTargetsStore(deps.preferences);

  return (effect, send) => {
    switch (effect.kind) {
      case 'load': {
        loading?.abort();
        const controller = new AbortController();
        loading = controller;
        let shownAt = 0;
        const pause = pauseCountdown((progress) => !controller.signal.aborted && send({ kind: 'load-progress', progress }));
        controller.signal.addEventListener('abort', pause.end, { once: true });
        const onProgress = (progress: LoadProgress) => {
          const now = Date.now();
          if (controller.signal.aborted) return;
          if (progress.waitingUntil !== undefined) {
            shownAt = now;
            return pause.show(progress, progress.waitingUntil);
          }
          // The first progress after a pause is shown at once: the countdown must not linger.
          if (!pause.end() && now - shownAt < PROGRESS_MS && progress.done !== progress.total) return;
          shownAt = now;
          send({ kind: 'load-progress', progress });
        };
        // Pages are handed to the list a few times a second at most (handOverWait; the first at
        // once): each hand-over merges into the whole list, so hundreds of pages a few seconds
        // apart would cost hundreds of merges for no row anyone can read in between.
        let held: HeldPages | null = null;
        let timer: NodeJS.Timeout | null = null;
        let handed = 0;
        const flush = () => {
          if (timer) clearTimeout(timer);
          timer = null;
          const pages = held;
          held = null;
          if (!pages || controller.signal.aborted) return;
          handed += pages.credentials.length;
          send({ kind: 'load-batch', batch: handOver(pages) });
        };
        const onBatch = (batch: LoadBatch) => {
          if (controller.signal.aborted) return;
          held = hold(held, batch);
          if (!timer) timer = setTimeout(flush, handed ? handOverWait(handed) : 0);
        };
        ctx.service.loadOrganisation({ signal: controller.signal, onProgress, onBatch }).then(
          (organisation) => {
            pause.end();
            flush();
            if (!controller.signal.aborted) send({ kind: 'loaded', organisation, now: ctx.now() });
          },
          (error: unknown) => {
            pause.end();
            if (!controller.signal.aborted) send({ kind: 'load-failed', error: statusMessage(error) });
          },
        );
        return;
      }
      case 'save-prefs':
        try {
          deps.preferences.update(effect.patch);
        } catch (e) {
          send({ kind: 'note', text: `Could not save preferences: ${(e as Error).message}`, tone: 'warn' });
        }
        return;
      case 'flash-timer':
        setTimeout(() => send({ kind: 'flash-expired', seq: effect.seq }), deps.flashMs ?? 4000).unref?.();
        return;
      case 'revoke':
        revokeCredential(ctx, effect.credential).then(
          () => send({ kind: 'revoked', credential: effect.credential, now: ctx.now() }),
          (err: unknown) => send({ kind: 'revoke-failed', failure: describeFailure(err) }),
        );
        return;
      case 'create': {
        const w = effect.wizard;
        const sub = submissionOf(w, ctx.now());
        const owner = ownerOf(w);
        // From the request on, a signal waits until the answer (and its secret) is safe.
        const made: Promise<Msg> = critical(() => sub.kind === 'hmac'
          ? createHmac(ctx, { userId: sub.userId, staleProfiles: currentHmacOf(w)?.profiles ?? [] }).then(({ generated, held }) => {
              const credential: Credential = {
                id: generated.apiId, type: 'hmac', name: null, description: null, owner: { userId: owner.userId, userName: owner.userName, accountType: owner.accountType },
                expiresAt: generated.expiresAt, createdAt: new Date(ctx.now()).toISOString(), revokedAt: null, roles: owner.roles, secrets: [], profiles: [],
              };
              return { kind: 'created', held, credential } as const;
            })
          : createOAuthClient(ctx, sub.input, owner.userName).then(({ created, held }) => ({ kind: 'created', held, credential: created.client }) as const),
        'creating a credential in the interactive app');
        made.then(
          (msg) => {
            send(msg);
            signingKey(send);
          },
          (err: unknown) => send({ kind: 'create-failed', failure: describeFailure(err) }),
        );
        return;
      }
      case 'rotate': {
        const c = effect.credential;
        // Through the one op the CLI uses too: rotate, prove, deliver to every target. From the
        // request on, a signal waits until the answer (and its secret) is safe. At the server's
        // limit of live secrets the oldest goes first (the dialog said so).
        critical(() => rotateAndDeliver(ctx, c, { targets: targetsStore(), env: process.env, expectProfiles: c.profiles, makeRoom: true }), 'rotating a credential in the interactive app').then(
          (result) => {
            if (result.kind !== 'plan') send({ kind: 'rotated', result });
            send({ kind: 'targets-changed', targets: targetsStore().list(), note: null });
            signingKey(send);
          },
          (err: unknown) => send({ kind: 'rotate-failed', failure: describeFailure(err), hint: hintOf(err) }),
        );
        return;
      }
      case 'targets-add':
        try {
          const b = targetsStore().add({ credentialId: effect.credentialId }, effect.target);
          send({ kind: 'targets-changed', targets: targetsStore().list(), note: `Added ${b.target}: the next rotation delivers there.` });
        } catch (err) {
          send({ kind: 'targets-failed', error: `Could not add the target: ${describeFailure(err).message}` });
        }
        return;
      case 'targets-remove':
        try {
          const owner = effect.binding.credentialId ? { credentialId: effect.binding.credentialId } : { profile: effect.binding.profile! };
          targetsStore().remove(owner, effect.binding.target);
          send({ kind: 'targets-changed', targets: targetsStore().list(), note: `Removed ${effect.binding.target}.` });
        } catch (err) {
          send({ kind: 'targets-failed', error: `Could not remove the target: ${describeFailure(err).message}` });
        }
        return;
      case 'retire':
        retireOAuthSecrets(ctx, effect.credential, effect.secretIds).then(
          (result) => send({ kind: 'retired', result }),
          (err: unknown) => send({ kind: 'retired', result: { retired: [], failures: [describeFailure(err).message] } }),
        );
        return;
      case 'list-profiles':
        try {
          send({ kind: 'profiles-listed', existing: listProfiles(ctx.credentialsPath) });
        } catch (err) {
          send({ kind: 'profiles-failed', error: describeFailure(err).message });
        }
        return;
      case 'save-profile':
        // Under the credentials file's lock: a second vcreds changing it waits, or this says so.
        // Not under `critical`: the secret stays held (and journaled) until this succeeds.
        savePairLocked(ctx.credentialsPath, { profile: effect.profile, id: effect.id, secret: effect.secret }, { readOnly: ctx.readOnly, force: effect.force }).then(
          (written) => send({ kind: 'profile-saved', profile: effect.profile, written }),
          (err: unknown) => {
            const hint = hintOf(err);
            send({ kind: 'profile-save-failed', profile: effect.profile, error: `${describeFailure(err).message}${hint ? ` ${hint}` : ''}` });
          },
        );
        return;
      case 'list-accounts':
        if (!deps.accounts) {
          send({ kind: 'accounts-listed', accounts: [], problem: 'This session has no other accounts (the demo, or a key given on its own).' });
          return;
        }
        try {
          send({ kind: 'accounts-listed', accounts: deps.accounts.list(), problem: null });
        } catch (err) {
          send({ kind: 'accounts-listed', accounts: [], problem: describeFailure(err).message });
        }
        return;
      case 'probe-accounts': {
        // One account at a time: each is a connection and a request, and a dozen at once would
        // crowd the rate limit for little gain.
        const source = deps.accounts;
        if (!source) return;
        void (async () => {
          for (const account of effect.accounts) {
            try {
              const actx = await source.connect(account);
              const me = await actx.service.self();
              send({ kind: 'account-probed', name: account.name, host: hostOf(actx.connection.apiUrl), admin: me.isAdmin, error: null });
            } catch (err) {
              send({ kind: 'account-probed', name: account.name, host: null, admin: null, error: statusMessage(err) });
            }
          }
        })();
        return;
      }
      case 'switch-account':
        deps.switchAccount?.(effect.account);
        return;
      case 'copy':
        deps.copy(effect.text);
        return;
      case 'release':
        effect.held.release();
        return;
      case 'quit':
        deps.quit();
        return;
      default:
        unreachable(effect);
    }
  };
}
