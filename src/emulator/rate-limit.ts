// Veracode's limit: so many REST calls a minute per client address, then 429 + Retry-After.
// A fixed one-minute window per address: O(1) per request and easy to reason about in tests.

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Undefined when the request may go ahead; otherwise the seconds to wait. */
  check(address: string, now: number): number | undefined {
    if (!(this.perMinute > 0) || !Number.isFinite(this.perMinute)) return undefined;
    let w = this.windows.get(address);
    if (!w || now - w.start >= WINDOW_MS || now < w.start) {
      w = { start: now, count: 0 };
      this.windows.set(address, w);
    }
    w.count++;
    if (w.count <= this.perMinute) return undefined;
    return Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
  }
}
