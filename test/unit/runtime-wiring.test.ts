/**
 * What a process builds from its configuration is built once, and built again only when
 * the local stack resets it for a new start (a test worker runs one stack per file).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config, perRuntime, resetRuntime } from '../../functions/config';
import { functionEntries } from '../../infra/aws/bundle';

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

  it('is not read by any function as it is imported: each reads its configuration on its first call', async () => {
    // A value read at import would outlive a reset, and serve a stack's successor with its
    // settings (the evidence page once kept the first stack's storage address this way).
    for (const name of ['TABLE_NAME', 'POLLS_TABLE_NAME', 'S3_ENDPOINT', 'QUARANTINE_BUCKET', 'EVIDENCE_BUCKET', 'COGNITO_ISSUER'])
      vi.stubEnv(name, undefined);
    resetRuntime();
    expect(() => config()).toThrow(/TABLE_NAME/);
    vi.resetModules();
    const entries = [...new Set(functionEntries().map((f) => f.entry))];
    expect(entries.length).toBeGreaterThan(15);
    for (const entry of entries) {
      const module = (await import(/* @vite-ignore */ join(import.meta.dirname, '../..', entry))) as { handler?: unknown };
      expect(typeof module.handler, entry).toBe('function');
    }
  });
});
