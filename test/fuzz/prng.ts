/**
 * A small seeded PRNG (mulberry32) for the fuzz tests: the same seed gives the same event
 * sequence on every machine and browser, so a failure is reproduced from the seed it prints.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** The seed of sequence `index` of a run with master seed `master` (sequence 0 uses the master seed). */
export function sequenceSeed(master: number, index: number): number {
  return (master + Math.imul(index, 0x9e3779b9)) >>> 0;
}

/** Reads a seed written as decimal or 0x-hex; null when absent or not a number. */
export function parseSeed(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : null;
}

export const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
