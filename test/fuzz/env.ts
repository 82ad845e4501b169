/**
 * Fuzz settings from the environment of `npm test`. web-test-runner.config.mjs serves them to the
 * browser as the module `/__fuzz-env.js`:
 *   FUZZ_RUNS          machine sequences (default 10,000; with CI=true never fewer, except in a replay)
 *   FUZZ_ELEMENT_RUNS  element sequences (default 200)
 *   FUZZ_SEED          master seed, decimal or 0x-hex (default: a fresh random seed, printed)
 * To replay one failing sequence: FUZZ_SEED=<its seed> FUZZ_RUNS=1 (sequence 0 uses the master seed).
 */
import { parseSeed } from './prng.ts';

interface RawEnv {
  ci: boolean;
  runs: string | null;
  elementRuns: string | null;
  seed: string | null;
}

export interface FuzzEnv {
  runs: number;
  elementRuns: number;
  seed: number;
  /** The seed came from FUZZ_SEED (a replay) rather than chance. */
  fixedSeed: boolean;
}

const count = (text: string | null, fallback: number) => {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : fallback;
};

export async function fuzzEnv(): Promise<FuzzEnv> {
  let raw: RawEnv = { ci: false, runs: null, elementRuns: null, seed: null };
  try {
    const url = '/__fuzz-env.js';
    raw = ((await import(/* @vite-ignore */ url)) as { default: RawEnv }).default;
  } catch {
    // Served by the test runner's plugin; without it (another runner) the defaults apply.
  }
  const given = parseSeed(raw.seed);
  const seed = given ?? crypto.getRandomValues(new Uint32Array(1))[0];
  return {
    runs: raw.ci && given === null ? Math.max(10_000, count(raw.runs, 10_000)) : count(raw.runs, 10_000),
    elementRuns: count(raw.elementRuns, 200),
    seed,
    fixedSeed: given !== null,
  };
}
