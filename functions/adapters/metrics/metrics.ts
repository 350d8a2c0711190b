/**
 * CloudWatch metrics as Embedded Metric Format log lines (Powertools): no PutMetricData
 * call and no extra permission. The namespace comes from POWERTOOLS_METRICS_NAMESPACE, set
 * per stage by the stack; the local stack and tests set POWERTOOLS_METRICS_DISABLED.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** Metric names shared with the alarms in infra/aws/alarms.ts. */
export const METRIC = { oldestPendingOutboxAge: 'OldestPendingOutboxAgeSeconds', pollCountMismatches: 'PollCountMismatches' } as const;

let metrics: Metrics | undefined;

function publish(name: string, unit: (typeof MetricUnit)[keyof typeof MetricUnit], value: number): void {
  metrics ??= new Metrics({ serviceName: 'csp-portal' });
  metrics.addMetric(name, unit, value);
  metrics.publishStoredMetrics();
}

/** Publishes how long the oldest unsent email has waited (0 when none waits). */
export function publishOldestPendingAge(seconds: number): void {
  publish(METRIC.oldestPendingOutboxAge, MetricUnit.Seconds, seconds);
}

/** Publishes how many polls closed with live counters that disagreed with their ballots. */
export function publishPollCountMismatches(count: number): void {
  publish(METRIC.pollCountMismatches, MetricUnit.Count, count);
}
