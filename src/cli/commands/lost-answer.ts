// A request that creates something got no answer (timeout, dropped connection, a 5xx after the
// server may have acted): it may have been carried out. The API client says so in general terms
// (ApiError.mayHaveReachedServer); here it is said in CLI terms: what may exist now, how to check,
// and that a secret created that way cannot be recovered (the server shows it once, in the lost answer).
import { isApiError, MAY_HAVE_CREATED } from '../../api/errors.js';
import { CliError, EXIT } from '../errors.js';

export type LostCreation =
  | { kind: 'hmac'; owner: string }
  | { kind: 'oauth-client'; owner: string; name: string }
  | { kind: 'oauth-secret'; clientId: string };

/** The CLI's error for a lost answer to a create request, or null when `err` is not one. */
export function lostAnswer(err: unknown, what: LostCreation): CliError | null {
  if (!isApiError(err) || !err.mayHaveReachedServer) return null;
  const said = err.message.replace(MAY_HAVE_CREATED, '').replace(/[\s—-]+$/, '').trim();
  const lost = 'if it did, its secret cannot be recovered: the server shows a secret only once, in the answer that was lost';
  switch (what.kind) {
    case 'hmac':
      return new CliError(
        `${said}; the server may have generated a new HMAC key for ${what.owner} without vcreds receiving it (${lost}, and the previous key then stops working after the grace period)`,
        EXIT.failed,
        `Check with: vcreds list --owner ${what.owner} --type hmac (a key created just now means it was), and vcreds check to see whether your profile's key still works. If a key was created, generate another you can keep (vcreds create hmac${what.owner ? ` --user ${what.owner}` : ''} or vcreds rotate). Nothing was retried.`,
      );
    case 'oauth-client':
      return new CliError(
        `${said}; the server may have created the OAuth client "${what.name}" for ${what.owner} without vcreds receiving its secret (${lost})`,
        EXIT.failed,
        `Check with: vcreds list --owner ${what.owner} --type oauth. If "${what.name}" is there, revoke it (vcreds revoke ID --yes) and create it again. Nothing was retried.`,
      );
    case 'oauth-secret':
      return new CliError(
        `${said}; the server may have added a new secret to the OAuth client ${what.clientId} without vcreds receiving it (${lost})`,
        EXIT.failed,
        `Check with: vcreds show ${what.clientId} (a secret created just now means it was), then rotate again with --retire-old to replace it with one you hold. Nothing was retried.`,
      );
  }
}
