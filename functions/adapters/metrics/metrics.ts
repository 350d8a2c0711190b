/**
 * CloudWatch metrics as Embedded Metric Format log lines (Powertools): no PutMetricData
 * call and no extra permission. The namespace comes from POWERTOOLS_METRICS_NAMESPACE, set
 * per stage by the stack; the local stack and tests set POWERTOOLS_METRICS_DISABLED.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** Metric names shared with the alarms in infra/aws/alarms.ts. */
export const METRIC = { oldestPendingOutboxAge: 'OldestPendingOutboxAgeSeconds' } as const;

let metrics: Metrics | undefined;

/** Publishes how long the oldest unsent email has waited (0 when none waits). */
export function publishOldestPendingAge(seconds: number): void {
  metrics ??= new Metrics({ serviceName: 'csp-portal' });
  metrics.addMetric(METRIC.oldestPendingOutboxAge, MetricUnit.Seconds, seconds);
  metrics.publishStoredMetrics();
}
