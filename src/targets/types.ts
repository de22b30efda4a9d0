// What delivery works with: the new credential (in memory only), where it goes, and what happened.
import type { TargetBinding } from '../config/preferences-types.js';
import type { Target } from './descriptor.js';

/** The credential being delivered. The secret lives only in memory (and the recovery journal). */
export interface Payload {
  kind: 'hmac' | 'oauth';
  /** HMAC: the API id. OAuth: the client id. */
  id: string;
  secret: string;
  /** OAuth: which of the client's secrets this is. */
  secretId: string | null;
  expiresAt: string | null;
  ownerName: string;
}

export interface DeliverContext {
  /** Where tokens and addresses come from (GH_TOKEN, VAULT_ADDR...). */
  env: Record<string, string | undefined>;
  /** One redacted line per request (--debug). */
  debug?: (line: string) => void;
  /** The credentials file, for profile targets. */
  credentialsPath: string;
  now: () => number;
  /** exec targets: how long a command may run. */
  execTimeoutMs?: number;
  /** HTTP targets: per-request timeout. */
  timeoutMs?: number;
}

export interface Delivered {
  /** True when the target was read back and holds the new value (or says it was updated just now). */
  proven: boolean;
  /** What was done / how it was proven, in words (no secret). */
  detail: string;
}

export interface Tested {
  ok: boolean;
  detail: string;
}

/** One kind of target. deliver throws a TargetError (or any Error) with the reason when it fails. */
export interface TargetDriver<T extends Target = Target> {
  deliver(payload: Payload, target: T, binding: TargetBinding, ctx: DeliverContext): Promise<Delivered>;
  /** Checks access without changing anything. */
  test(target: T, binding: TargetBinding, kind: Payload['kind'], ctx: DeliverContext): Promise<Tested>;
}

export class TargetError extends Error {
  constructor(message: string, readonly hint = '') {
    super(message);
    this.name = 'TargetError';
  }
}

export type OutcomeStatus = 'proven' | 'delivered' | 'failed' | 'skipped' | 'planned';

export interface TargetOutcome {
  /** The descriptor, e.g. `github:acme/api`. */
  target: string;
  /** Whose target it is: `credential ID` or `profile NAME`. */
  of: string;
  status: OutcomeStatus;
  /** Failed/skipped: why. Delivered/proven: how (no secret). */
  detail: string;
  /** What the target holds after this run (an id, never a secret): the new one when delivered, else what it held. */
  holds: string | null;
}
