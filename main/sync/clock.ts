/** Time as sync sees it: injectable so tests run every backoff without really waiting. */
export interface SyncClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A random source in [0, 1); injectable so a test's jitter is seeded and repeatable. */
export type RandomSource = () => number;

/** A small seeded generator (mulberry32) for tests and benchmarks. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
