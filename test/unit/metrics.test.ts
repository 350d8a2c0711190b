/** The outbox-age metric is an Embedded Metric Format line the alarm's namespace and name match. */
import { afterEach, expect, it, vi } from 'vitest';
import { METRIC } from '../../functions/adapters/metrics/metrics';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

it('publishes the oldest pending email age in the stage namespace', async () => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'CspPortal/prod');
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  vi.resetModules();
  const { publishOldestPendingAge } = await import('../../functions/adapters/metrics/metrics');
  publishOldestPendingAge(4200);
  const emf = lines.map((l) => JSON.parse(l)).find((l) => l._aws);
  expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({
    Namespace: 'CspPortal/prod',
    Dimensions: [['service']],
    Metrics: [{ Name: METRIC.oldestPendingOutboxAge, Unit: 'Seconds' }],
  });
  expect(emf).toMatchObject({ service: 'csp-portal', [METRIC.oldestPendingOutboxAge]: 4200 });
});
