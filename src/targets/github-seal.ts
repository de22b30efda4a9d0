// GitHub's encryption of Actions secrets: a libsodium sealed box to the repository's (or
// organisation's, or environment's) public key, base64 in and out, as GitHub documents.
import type sodiumModule from 'libsodium-wrappers';

let loading: Promise<typeof sodiumModule> | undefined;

/** libsodium, loaded at first use (it is large and only GitHub targets need it). */
export function sodium(): Promise<typeof sodiumModule> {
  loading ??= import('libsodium-wrappers').then(async (m) => {
    const s = (m as { default?: typeof sodiumModule }).default ?? (m as unknown as typeof sodiumModule);
    await s.ready;
    return s;
  });
  return loading;
}

/** `value` sealed to `publicKeyB64` (standard base64), as base64: GitHub's `encrypted_value`. */
export async function sealForGitHub(value: string, publicKeyB64: string): Promise<string> {
  const s = await sodium();
  let key: Uint8Array;
  try {
    key = s.from_base64(publicKeyB64, s.base64_variants.ORIGINAL);
  } catch {
    throw new Error('the public key GitHub sent is not base64');
  }
  if (key.length !== s.crypto_box_PUBLICKEYBYTES) throw new Error(`the public key GitHub sent has ${key.length} bytes, not ${s.crypto_box_PUBLICKEYBYTES}`);
  return s.to_base64(s.crypto_box_seal(s.from_string(value), key), s.base64_variants.ORIGINAL);
}
