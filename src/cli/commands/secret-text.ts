// The one place a new HMAC secret is formatted for people: a snippet ready for the credentials file.
import type { GeneratedHmac } from '../../identity/types.js';

export function hmacSecretText(g: GeneratedHmac): string {
  return [
    `# New HMAC key for ${g.owner.userName}, expires ${(g.expiresAt ?? 'never').slice(0, 10)}. The secret is shown once: store it now.`,
    `veracode_api_key_id = ${g.apiId}`,
    `veracode_api_key_secret = ${g.apiSecret}`,
  ].join('\n');
}
