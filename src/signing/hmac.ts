// The VERACODE-HMAC-SHA-256 request signer, as Veracode's public clients sign (docs/veracode-api.md).
import { createHmac, randomBytes } from 'node:crypto';

export const AUTH_SCHEME = 'VERACODE-HMAC-SHA-256';
const REQUEST_VERSION = 'vcode_request_version_1';

export interface SigningInput {
  /** Bare (unprefixed) hex id. */
  id: string;
  /** Bare (unprefixed) hex secret. */
  secret: string;
  host: string;
  /** Path plus `?query` exactly as sent. */
  pathAndQuery: string;
  method: string;
  /** Milliseconds since the epoch, as a decimal string. */
  ts: string;
  /** Hex nonce. */
  nonce: string;
}

function hmac(key: Buffer, data: Buffer | string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function signingData(input: Pick<SigningInput, 'id' | 'host' | 'pathAndQuery' | 'method'>): string {
  const host = input.host.toLowerCase().replace(/:\d+$/, '');
  return `id=${input.id.toLowerCase()}&host=${host}&url=${input.pathAndQuery}&method=${input.method.toUpperCase()}`;
}

/** The intermediate keys and the signature, exposed so tests can check every step. */
export function computeSignature(input: SigningInput): { kNonce: string; kDate: string; kSig: string; sig: string } {
  const kNonce = hmac(Buffer.from(input.secret, 'hex'), Buffer.from(input.nonce, 'hex'));
  const kDate = hmac(kNonce, input.ts);
  const kSig = hmac(kDate, REQUEST_VERSION);
  const sig = hmac(kSig, Buffer.from(signingData(input), 'utf8'));
  return { kNonce: kNonce.toString('hex'), kDate: kDate.toString('hex'), kSig: kSig.toString('hex'), sig: sig.toString('hex') };
}

export interface SignOptions {
  now?: () => number;
  nonce?: () => string;
}

/**
 * The Authorization header for one request. Call it for every attempt: each gets a fresh
 * nonce and timestamp, so a retried request is never a replay.
 */
export function authorizationHeader(
  key: { id: string; secret: string },
  request: { method: string; url: URL | string },
  options: SignOptions = {},
): string {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
  const ts = String((options.now ?? Date.now)());
  const nonce = options.nonce ? options.nonce() : randomBytes(16).toString('hex');
  const { sig } = computeSignature({
    id: key.id,
    secret: key.secret,
    host: url.hostname,
    pathAndQuery: url.pathname + url.search,
    method: request.method,
    ts,
    nonce,
  });
  return `${AUTH_SCHEME} id=${key.id},ts=${ts},nonce=${nonce},sig=${sig}`;
}

export interface ParsedAuthorization {
  id: string;
  ts: string;
  nonce: string;
  sig: string;
}

/** Parses a VERACODE-HMAC-SHA-256 header; undefined when it is not one. Used by the emulator. */
export function parseAuthorizationHeader(header: string | undefined): ParsedAuthorization | undefined {
  if (!header || !header.startsWith(`${AUTH_SCHEME} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(AUTH_SCHEME.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const id = fields.get('id');
  const ts = fields.get('ts');
  const nonce = fields.get('nonce');
  const sig = fields.get('sig');
  if (!id || !ts || !nonce || !sig) return undefined;
  return { id, ts, nonce, sig };
}
