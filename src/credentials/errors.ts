// Errors about local credentials. Every message says where and what; none ever holds a secret.

export type CredentialsErrorCode =
  | 'env-incomplete'
  | 'file-missing'
  | 'file-unreadable'
  | 'malformed'
  | 'profile-missing'
  | 'key-missing'
  | 'invalid-key'
  | 'invalid-update'
  | 'write-failed';

export class CredentialsError extends Error {
  constructor(
    readonly code: CredentialsErrorCode,
    message: string,
    /** What the user can do about it, in one sentence. */
    readonly hint: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/** A line of the credentials file that cannot be parsed. The line's text is never quoted. */
export class CredentialsFileError extends CredentialsError {
  constructor(
    path: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super('malformed', `${path}, line ${line}: ${problem}`, `Fix line ${line} of ${path} (lines are [profile], key = value, or # comments).`, path);
    this.name = 'CredentialsFileError';
  }
}
