// How tests, the demo and `vcreds emulator` start the Identity API emulator.

export interface EmulatorFaults {
  /** Added to every response, in milliseconds. */
  latencyMs?: number;
  /** Fraction (0..1) of requests answered 503. */
  errorRate?: number;
  /** Fraction (0..1) of requests whose connection is destroyed without an answer. */
  dropRate?: number;
}

/**
 * One scripted answer, applied to the next request in order (then the next, ...):
 * 'drop' destroys the connection before anything is done; 'drop-response' handles the request
 * (state changes happen) and then destroys the connection, so the client never hears the answer;
 * '503' / '429' answer with that status and `Retry-After: 1`; 'ok' answers normally;
 * `{delayMs}` waits, then answers normally.
 */
export type EmulatorFaultStep = 'drop' | 'drop-response' | '503' | '429' | 'ok' | { delayMs: number };

export interface EmulatorOptions {
  host?: string; // default 127.0.0.1 (loopback only)
  port?: number; // default 0 = any free port
  /** Size of the seeded organisation (users including API service accounts). Default 24. */
  users?: number;
  /** JSON file the state is loaded from (if present) and saved to after every change. */
  dataFile?: string;
  /** Seed for the generated organisation, so runs are reproducible. */
  seed?: number;
  /** Injected clock (ms since epoch). */
  now?: () => number;
  faults?: EmulatorFaults;
  /** Scripted faults for the next requests, in order; random `faults` apply once it is used up. */
  faultSchedule?: EmulatorFaultStep[];
  /** Time to live of OAuth access tokens, in seconds. Default 3600. */
  tokenTtlSeconds?: number;
  /** Longest OAuth client lifetime the organisation allows, in days. Default 365. */
  maxTtlDays?: number;
  /** Requests per minute per client address before 429 + Retry-After. Default 500 (Veracode's). */
  rateLimitPerMinute?: number;
  /** Largest page size the server honours, whatever `size` asks for. Default 100. */
  pageSizeCap?: number;
  /** When false, GET /users?detailed=true omits api_credentials (forces per-user lookups). Default true. */
  usersCarryCredentials?: boolean;
  /**
   * Hours a superseded HMAC pair keeps working after its owner generates a new one: Veracode
   * documents that the previous pair is revoked 24 hours later. 0 revokes it at once. Default 24.
   */
  renewalGraceHours?: number;
  /** Log each request line (method, path, status) to this function; never secrets. */
  log?: (line: string) => void;
}

export interface EmulatorKey {
  userId: string;
  userName: string;
  id: string;
  secret: string;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:43121 ; the Identity API is under /api/authn/v2 */
  apiUrl: string;
  port: number;
  /** An API service account with the Admin API role. */
  admin: EmulatorKey;
  /** A human user without admin rights. */
  member: EmulatorKey;
  /** An OAuth client of the admin, usable at /oauth2/token. */
  adminOAuth: { clientId: string; clientSecret: string };
  /** Longest OAuth client lifetime the organisation allows, in days. */
  maxTtlDays?: number;
  /** Replaces the scripted faults for the next requests. */
  setFaultSchedule?(steps: EmulatorFaultStep[]): void;
  /** Requests received so far (including refused and dropped ones). */
  requestCount?(): number;
  close(): Promise<void>;
}
