// How many requests one client has in flight, and how fast it starts them. Every attempt of one
// ApiClient (retries and the OAuth token request included) passes through its gate, so that a
// load fetching pages, per-user lookups and OAuth clients side by side still keeps to
// `--concurrency` and to Veracode's documented limit of 500 REST calls a minute.
//
// The rate limit is a token bucket whose tokens come back one window after they were taken: at
// most `requests` starts in any `windowMs` (a sliding window, so never 501 in a minute however
// the starts bunch). The window is a second longer than the server's minute, so that a first
// request that was slow to arrive cannot push the 501st into the server's count. (A 429 holds
// back every request of the client for its Retry-After: client.ts.) Requests marked `background` (the pages of a load) wait behind every other one,
// so that a revoke or a create during a long load is not queued behind hundreds of pages.

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** Veracode: 500 calls a minute per address; counted over 61 s (see the top comment). */
export const VERACODE_RATE_LIMIT: RateLimit = { requests: 500, windowMs: 61_000 };
/** Requests in flight at once when nothing else is said (`--concurrency`). */
export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;

export interface GateOptions {
  concurrency?: number;
  /** null: no rate limit (tests). */
  rateLimit?: RateLimit | null;
  now?: () => number;
}

type Release = () => void;

const THROTTLE_WORTH_SAYING_MS = 1_000;

interface Waiter {
  resolve: (release: Release | null) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export class RequestGate {
  readonly concurrency: number;
  private readonly rate: RateLimit | null;
  private readonly now: () => number;
  private inFlight = 0;
  private readonly foreground: Waiter[] = [];
  private readonly background: Waiter[] = [];
  /** Start times of the last `rate.requests` starts, oldest first (a ring). */
  private readonly starts: number[] = [];
  private startHead = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  /** While requests wait for the rate limit: when they may start (epoch ms); null otherwise. */
  private throttledUntil: number | null = null;
  private readonly throttleListeners = new Set<(until: number | null) => void>();

  constructor(options: GateOptions = {}) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
    this.rate = options.rateLimit === undefined ? VERACODE_RATE_LIMIT : options.rateLimit;
    this.now = options.now ?? Date.now;
  }

  /**
   * Resolves with a release function once a slot and a rate token are free, or with null when
   * `signal` aborts first (no slot taken). Call the release exactly once, when the attempt ends.
   */
  enter(options: { signal?: AbortSignal; background?: boolean } = {}): Promise<Release | null> {
    if (options.signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const w: Waiter = { resolve, signal: options.signal };
      const queue = options.background ? this.background : this.foreground;
      if (w.signal) {
        w.onAbort = () => {
          const i = queue.indexOf(w);
          if (i >= 0) queue.splice(i, 1);
          resolve(null);
          if (!this.foreground.length && !this.background.length) this.throttled(null);
        };
        w.signal.addEventListener('abort', w.onAbort, { once: true });
      }
      queue.push(w);
      this.pump();
    });
  }

  /**
   * Calls `listener` with the time requests may start again whenever they begin to wait for the
   * rate limit, and with null once they start again: a long load can say why it is paused
   * instead of looking frozen. Returns the unsubscribe function.
   */
  onThrottle(listener: (until: number | null) => void): () => void {
    this.throttleListeners.add(listener);
    if (this.throttledUntil !== null) listener(this.throttledUntil);
    return () => this.throttleListeners.delete(listener);
  }

  private throttled(until: number | null): void {
    if (until === this.throttledUntil) return;
    this.throttledUntil = until;
    for (const listener of this.throttleListeners) listener(until);
  }

  /** Starts counted in the current window (for tests and debugging). */
  get recentStarts(): number {
    return this.starts.length;
  }

  /** When the next start may happen as far as the clock is concerned (<= now: at once). */
  private nextStartAt(): number {
    const rate = this.rate;
    return rate && this.starts.length >= rate.requests ? this.starts[this.startHead]! + rate.windowMs : 0;
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && (this.foreground.length || this.background.length)) {
      const now = this.now();
      const at = this.nextStartAt();
      if (at > now) {
        // Short waits (starts trickling out as the window slides) are not worth a word.
        if (at - now >= THROTTLE_WORTH_SAYING_MS) this.throttled(at);
        this.wake(at - now);
        return;
      }
      this.throttled(null);
      const w = (this.foreground.length ? this.foreground : this.background).shift()!;
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
      this.record(now);
      this.inFlight++;
      let released = false;
      w.resolve(() => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.pump();
      });
    }
  }

  private record(now: number): void {
    const rate = this.rate;
    if (!rate) return;
    if (this.starts.length < rate.requests) this.starts.push(now);
    else {
      this.starts[this.startHead] = now;
      this.startHead = (this.startHead + 1) % rate.requests;
    }
  }

  private wake(ms: number): void {
    const at = this.now() + ms;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(1, ms));
  }
}
