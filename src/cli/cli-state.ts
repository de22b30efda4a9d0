// The state one run of the CLI shares between commands: io, global flags, the connection.
import type { ApiClient } from '../api/client.js';
import type { AppContext } from '../app-context.js';
import { connect, connectDemo, type Connected } from '../connect.js';
import { preferencesDir } from '../config/paths.js';
import { createPreferencesStore } from '../config/store.js';
import { profileApiUrl } from '../config/preferences-sanitize.js';
import type { PreferencesStore } from '../config/preferences-types.js';
import { defaultCredentialsPath } from '../credentials/sources.js';
import type { RegionName } from '../signing/region.js';
import { readOnlyRefusal } from './errors.js';
import type { CliIo } from './io.js';
import { colourWanted, makePainter, type Painter } from './output.js';

export interface GlobalOptions {
  profile?: string;
  apiUrl?: string;
  region?: RegionName;
  demo?: boolean;
  readOnly?: boolean;
  debug?: boolean;
  /** false with --no-color. */
  color?: boolean;
  /** API requests in flight at once (--concurrency). */
  concurrency?: number;
}

export interface Session {
  ctx: AppContext;
  client: ApiClient;
  /** The bare id of the HMAC key signing the requests; null with an OAuth client. */
  keyId: string | null;
  close(): Promise<void>;
}

export interface SessionChoice {
  /** Override the environment the key is resolved from (doctor/check strip the env key this way). */
  env?: Record<string, string | undefined>;
  profile?: string;
}

function keyIdOf(key: Connected['key']): string | null {
  return 'id' in key ? key.id : null;
}

/** What the CLI connects with; tests wrap these (e.g. to make a proof call fail). */
export interface CliDeps {
  connect: typeof connect;
  connectDemo: typeof connectDemo;
}

export class CliState {
  globals: GlobalOptions = {};
  /** Set by a command that finishes without throwing but wants a non-zero exit (check, doctor). */
  exitCode = 0;
  /**
   * Set by the interactive app, which owns the terminal: it shows a rate-limit pause in its own
   * progress line, and a note on stderr would be written over its frame.
   */
  interactive = false;
  private sessions: Session[] = [];
  private main: Promise<Session> | null = null;
  private store: PreferencesStore | null = null;

  constructor(
    readonly io: CliIo,
    readonly version: string,
    private readonly deps: CliDeps = { connect, connectDemo },
  ) {}

  out(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A note for the human on stderr (never data a script should parse). */
  note(text: string): void {
    this.io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  warn(text: string): void {
    this.note(`vcreds: warning: ${text}`);
  }

  get paint(): Painter {
    return makePainter(colourWanted(Boolean(this.io.stdout.isTTY), this.io.env, this.globals.color !== false));
  }

  /** The user's credentials file. Commands that write use their session's ctx.credentialsPath (a temp file with --demo). */
  get credentialsPath(): string {
    return defaultCredentialsPath(this.io.env);
  }

  debugLine = (line: string): void => {
    if (this.globals.debug) this.io.stderr.write(`[debug] ${line}\n`);
  };

  /** The preferences (conf), opened on first use: most runs never need them. */
  preferences(): PreferencesStore {
    this.store ??= createPreferencesStore({ cwd: preferencesDir(this.io.env) });
    return this.store;
  }

  /**
   * What `vcreds config` set, for what the command line and the environment leave open:
   * --profile > VERACODE_API_PROFILE > config profile; --api-url > --region > the profile's own
   * api-url (config set api-url URL --profile NAME, chosen in connect) > config api-url.
   */
  private configured(env: Record<string, string | undefined>): { profile?: string; apiUrl?: string } {
    const g = this.globals;
    const needProfile = !g.profile && !env.VERACODE_API_PROFILE;
    const needUrl = !g.apiUrl && !g.region;
    if (!needProfile && !needUrl) return {};
    const prefs = this.preferences().get();
    return {
      profile: needProfile ? prefs.defaultProfile ?? undefined : undefined,
      apiUrl: needUrl ? prefs.apiUrl ?? undefined : undefined,
    };
  }

  refuseIfReadOnly(what: string): void {
    if (this.globals.readOnly) throw readOnlyRefusal(what);
  }

  /** The connection for this run, opened once (the in-process emulator with --demo). */
  session(): Promise<Session> {
    this.main ??= this.open({});
    return this.main;
  }

  /**
   * The connection signing with the key of an explicit --profile even when the env key pair is
   * set (which otherwise wins): `rotate --profile ci` and `check --profile ci` mean that profile.
   */
  profileSession(): Promise<Session> {
    const profile = this.globals.profile;
    if (!profile || this.globals.demo) return this.session();
    const { VERACODE_API_KEY_ID: _id, VERACODE_API_KEY_SECRET: _s, VERACODE_OAUTH_CLIENT_ID: _o, VERACODE_OAUTH_CLIENT_SECRET: _os, ...env } = this.io.env;
    this.main ??= this.open({ env, profile });
    return this.main;
  }

  /** Another connection, with a different key source (check --all-profiles, doctor). */
  async open(choice: SessionChoice): Promise<Session> {
    const g = this.globals;
    const env = choice.env ?? this.io.env;
    const configured = g.demo ? {} : this.configured(env);
    const options = {
      env,
      profile: choice.profile ?? g.profile ?? configured.profile,
      apiUrl: g.apiUrl,
      configuredApiUrl: configured.apiUrl,
      // Asked by connect only when neither --api-url nor --region is given.
      profileApiUrl: (name: string) => profileApiUrl(this.preferences().get(), name) ?? undefined,
      region: g.region,
      credentialsPath: this.credentialsPath,
      debug: g.debug ? this.debugLine : undefined,
      readOnly: Boolean(g.readOnly),
      concurrency: g.concurrency,
    };
    let session: Session;
    if (g.demo) {
      // The demo keeps its own temporary credentials file: never the user's.
      const demo = await this.deps.connectDemo({ debug: options.debug, concurrency: options.concurrency });
      session = { ctx: g.readOnly ? { ...demo.ctx, readOnly: true } : demo.ctx, client: demo.client, keyId: keyIdOf(demo.key), close: () => demo.close() };
    } else {
      const real = await this.deps.connect(options);
      if (real.regionMismatch) this.warn(real.regionMismatch);
      session = { ctx: real.ctx, client: real.client, keyId: keyIdOf(real.key), close: async () => {} };
    }
    // A pause for the rate limit can last a minute: a person at a terminal is told, once a pause.
    session.client.onRateLimitWait?.((until) => {
      if (until !== null && !this.interactive) this.note(rateLimitNote(until, Date.now()));
    });
    this.sessions.push(session);
    return session;
  }

  async closeAll(): Promise<void> {
    const all = this.sessions.splice(0);
    await Promise.allSettled(all.map((s) => s.close()));
  }
}

/** "the API's rate limit (500 requests a minute) is reached: going on in 41 s, at 18:45:12 UTC". */
export function rateLimitNote(until: number, now: number): string {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return `vcreds: the API's rate limit (500 requests a minute) is reached: going on in ${seconds} s, at ${new Date(until).toISOString().slice(11, 19)} UTC`;
}
