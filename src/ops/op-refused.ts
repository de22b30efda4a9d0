// An op that refuses before changing anything (read-only, revoked, a rule broken): nothing was sent.
export class OpRefused extends Error {
  constructor(message: string, readonly hint = '') {
    super(message);
    this.name = 'OpRefused';
  }
}
