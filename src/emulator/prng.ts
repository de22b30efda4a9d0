// A small seeded generator, so the same seed always yields the same organisation.
import { createHash } from 'node:crypto';

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: fast, good enough for test data, and reproducible everywhere. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A non-empty random subset, keeping the input order. */
  subset<T>(items: readonly T[], max = items.length): T[] {
    const want = 1 + this.int(Math.min(max, items.length));
    const chosen = new Set<number>();
    while (chosen.size < want) chosen.add(this.int(items.length));
    return items.filter((_, i) => chosen.has(i));
  }

  hex(chars: number): string {
    let out = '';
    while (out.length < chars) out += ((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return out.slice(0, chars);
  }

  uuid(): string {
    return uuidFromHex(this.hex(32));
  }
}

export function uuidFromHex(h: string): string {
  const v = `4${h.slice(13, 16)}`;
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16) + h.slice(17, 20);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${v}-${variant}-${h.slice(20, 32)}`;
}

/** Hex derived from the seed and a label: the fixed demo keys stay the same whatever the org size. */
export function derivedHex(seed: number, label: string, chars: number): string {
  let out = '';
  for (let i = 0; out.length < chars; i++) {
    out += createHash('sha256').update(`vcreds-emulator:${seed}:${label}:${i}`).digest('hex');
  }
  return out.slice(0, chars);
}
