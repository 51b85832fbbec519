/**
 * The run's randomness. Every random choice Miou makes (ties in `await_one`, `await_first`,
 * `get`; the domain `call` picks) comes from one seeded generator per domain, so a seed
 * replays a run. The seed is a string; a domain's stream is derived from the seed and its uid.
 */

/** A 32-bit hash of the seed string (FNV-1a, then one avalanche round). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: small, fast, and good enough for tie-breaking; never for cryptography. */
export class Random {
  private state: number;

  constructor(seed: string, domain: number) {
    this.state = hash(`${seed}/${domain}`);
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(u * n);
  }
}

/** A fresh seed for a run that was given none: short, printable, easy to paste back. */
export function freshSeed(): string {
  return Math.floor(Math.random() * 2 ** 48).toString(36);
}
