/**
 * The functions' clock: the system clock, in AWS always. The local stack can move it
 * forward (only with LOCAL_MODE on), so a test of a time rule, such as a ballot sent too
 * soon after "Start now", steps over the wait instead of sleeping through it.
 */
let offsetMs = 0;

export const clockNow = (): Date => new Date(Date.now() + offsetMs);

/** Moves the clock forward by `ms` for every function in this process (local stack only). */
export function advanceClock(ms: number): void {
  if (process.env.LOCAL_MODE !== 'true') throw new Error('The clock can only be moved in the local stack (LOCAL_MODE)');
  if (!(ms >= 0)) throw new Error('The clock only moves forward');
  offsetMs += ms;
}

/**
 * Sets how far the clock is moved, returning how far it was: a local stack starts its
 * functions on the real time (0) and gives back the offset it found when it stops.
 */
export function replaceClockOffset(ms: number): number {
  const was = offsetMs;
  offsetMs = ms;
  return was;
}
