/** The functions' clock moves only in the local stack, and only forward. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advanceClock, clockNow } from '../../functions/adapters/clock/clock';

afterEach(() => vi.unstubAllEnvs());

describe('the functions clock', () => {
  it('is the system clock until the local stack moves it forward', () => {
    expect(Math.abs(clockNow().getTime() - Date.now())).toBeLessThan(1_000);
    vi.stubEnv('LOCAL_MODE', 'true');
    advanceClock(60_000);
    expect(clockNow().getTime() - Date.now()).toBeGreaterThanOrEqual(59_000);
    expect(() => advanceClock(-1)).toThrow(/only moves forward/);
  });

  it('cannot be moved outside the local stack', () => {
    vi.stubEnv('LOCAL_MODE', 'false');
    expect(() => advanceClock(1_000)).toThrow(/local stack/);
  });
});
