/** The functions' clock moves only in the local stack, and only forward. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advanceClock, clockNow, replaceClockOffset } from '../../functions/adapters/clock/clock';

// The unit files share their worker's modules: no test leaves the clock moved for the next.
afterEach(() => {
  vi.unstubAllEnvs();
  replaceClockOffset(0);
});

describe('the functions clock', () => {
  it('is the system clock until the local stack moves it forward', () => {
    expect(Math.abs(clockNow().getTime() - Date.now())).toBeLessThan(1_000);
    vi.stubEnv('LOCAL_MODE', 'true');
    advanceClock(60_000);
    expect(clockNow().getTime() - Date.now()).toBeGreaterThanOrEqual(59_000);
    expect(() => advanceClock(-1)).toThrow(/only moves forward/);
  });

  it('is set and given back by a local stack: the offset it replaces is returned', () => {
    vi.stubEnv('LOCAL_MODE', 'true');
    advanceClock(5_000);
    expect(replaceClockOffset(0)).toBe(5_000);
    expect(Math.abs(clockNow().getTime() - Date.now())).toBeLessThan(1_000);
    expect(replaceClockOffset(5_000)).toBe(0);
    expect(clockNow().getTime() - Date.now()).toBeGreaterThanOrEqual(4_000);
  });

  it('cannot be moved outside the local stack', () => {
    vi.stubEnv('LOCAL_MODE', 'false');
    expect(() => advanceClock(1_000)).toThrow(/local stack/);
  });
});
