// Turns a failed create/revoke/rotate call into what the screen says. A request that may have
// reached the server (ApiError.mayHaveReachedServer) could have created something: the user is
// told to check rather than to retry blindly.

export interface SubmitFailure {
  message: string;
  /** The request may have reached the server: something may have been created. */
  uncertain: boolean;
}

export function describeFailure(err: unknown): SubmitFailure {
  const message = err instanceof Error ? err.message : String(err);
  const uncertain = typeof err === 'object' && err !== null && (err as { mayHaveReachedServer?: unknown }).mayHaveReachedServer === true;
  return { message: message || 'The request failed without an explanation.', uncertain };
}

export const UNCERTAIN_ADVICE =
  'The request may have reached Veracode, so it may have been carried out; if it created a secret, that secret cannot be recovered. Close this, refresh the list (Ctrl+R) and check before trying again.';
