/**
 * Spaces sends so that no more than `rate` start in any second (SES refuses faster
 * sending with a throttling error, and keeps refusing while it continues). A throttling
 * answer halves the rate for the rest of the run. Hand-written: a dozen lines, where a
 * rate-limiter library would bring timers and queues this loop does not need.
 */
export interface Pacer {
  /** Resolves when the next send may start. */
  wait(): Promise<void>;
  /** Halves the rate (never below one every two seconds). */
  slowDown(): void;
  readonly rate: number;
}

export function createPacer(rate: number, clockMs: () => number, sleep: (ms: number) => Promise<void>): Pacer {
  let current = rate;
  let nextAt = clockMs();
  return {
    async wait() {
      const at = Math.max(nextAt, clockMs());
      nextAt = at + 1000 / current;
      const delay = at - clockMs();
      if (delay > 0) await sleep(delay);
    },
    slowDown() {
      current = Math.max(0.5, current / 2);
    },
    get rate() {
      return current;
    },
  };
}
