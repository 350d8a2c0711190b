/**
 * What a process builds from its configuration is built once, and built again only when
 * the local stack resets it for a new start (a test worker runs one stack per file).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config, perRuntime, resetRuntime } from '../../functions/config';

afterEach(() => {
  vi.unstubAllEnvs();
  resetRuntime();
});

describe("a process's wiring", () => {
  it('is built on first use and kept, however often it is asked for', () => {
    const make = vi.fn(() => ({ built: true }));
    const wiring = perRuntime(make);
    expect(make).not.toHaveBeenCalled();
    const first = wiring();
    expect(wiring()).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('is built again from the environment of the moment after a reset, and only then', () => {
    vi.stubEnv('TABLE_NAME', 'first-reports');
    resetRuntime();
    const tables = perRuntime(() => config().TABLE_NAME);
    expect(tables()).toBe('first-reports');
    vi.stubEnv('TABLE_NAME', 'second-reports');
    expect(tables()).toBe('first-reports');
    expect(config().TABLE_NAME).toBe('first-reports');
    resetRuntime();
    expect(config().TABLE_NAME).toBe('second-reports');
    expect(tables()).toBe('second-reports');
  });
});
