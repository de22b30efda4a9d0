// What `vcreds emulator` prints: the one place the demo secrets are meant to be shown.
import type { RunningEmulator } from './contract.js';

export const DEMO_PROFILE = 'vcreds-demo';

export function connectionHelp(running: RunningEmulator): string {
  const { apiUrl, admin, member, adminOAuth } = running;
  return [
    `Veracode Identity API emulator listening on ${apiUrl}`,
    `  Identity API: ${apiUrl}/api/authn/v2`,
    '',
    `Admin key (API account ${admin.userName}, Admin API role). Add this profile to ~/.veracode/credentials:`,
    '',
    `[${DEMO_PROFILE}]`,
    `veracode_api_key_id = ${admin.id}`,
    `veracode_api_key_secret = ${admin.secret}`,
    '',
    'or set these environment variables instead:',
    '',
    `export VERACODE_API_KEY_ID=${admin.id}`,
    `export VERACODE_API_KEY_SECRET=${admin.secret}`,
    '',
    'Then run:',
    '',
    `  vcreds --api-url ${apiUrl} --profile ${DEMO_PROFILE}`,
    '',
    `A user without admin rights: ${member.userName}, API id ${member.id}`,
    `  (secret: ${member.secret})`,
    `Admin OAuth client: client id ${adminOAuth.clientId}`,
    `  (client secret: ${adminOAuth.clientSecret})`,
    '',
    'These are demo keys for this local emulator only. Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
