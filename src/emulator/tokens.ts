// OAuth access tokens: in memory only, like a real token cache; a restart invalidates them.
import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  clientId: string;
  roles: string[];
  expires: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(clientId: string, roles: string[], now: number, ttlSeconds: number): string {
    if (this.tokens.size > 10_000) {
      for (const [k, t] of this.tokens) if (t.expires <= now) this.tokens.delete(k);
    }
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { clientId, roles: [...roles], expires: now + ttlSeconds * 1000 });
    return token;
  }

  lookup(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }
}
