/**
 * What should wake someone: reports that the router gave up on, a failing API, throttling,
 * and email that has waited too long. Every alarm goes to one SNS topic, which emails the
 * address given at deploy time (they confirm the subscription once).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Function as LambdaFn } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC } from '../../functions/adapters/metrics/metrics';

/** Email should reach a partner within minutes; after an hour of retries someone must look. */
const OLDEST_PENDING_ALARM_SECONDS = 3600;
/** Share of API requests answered 5xx, over five minutes, that raises the alarm. */
const API_5XX_PERCENT = 1;

export interface AlarmsProps {
  stage: 'dev' | 'prod';
  alarmEmail?: string;
  masterKey: IKey;
  api: HttpApi;
  tables: Table[];
  /** Failure destinations: stream records and feedback events the functions gave up on. */
  failureQueues: Queue[];
  metricsNamespace: string;
}

export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: `Community safety portal alarms (${props.stage})`,
      masterKey: props.masterKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) {
      const subscription = new EmailSubscription(props.alarmEmail);
      this.topic.addSubscription(subscription);
      Validations.of(this.topic).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'The only subscriber is the alarm email; an alarm that cannot be emailed still shows in CloudWatch, and the OK/ALARM pair is sent again on every change.',
      });
    }
    const notify = new SnsAction(this.topic);
    const watch = (a: Alarm) => {
      a.addAlarmAction(notify);
      a.addOkAction(notify);
    };
    const fiveMinutes = Duration.minutes(5);

    for (const queue of props.failureQueues) {
      watch(
        new Alarm(this, `${queue.node.id}NotEmpty`, {
          alarmDescription: `Something was given up on and parked on ${queue.node.id}: see the README's runbook to inspect and replay it.`,
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    watch(
      new Alarm(this, 'Api5xxRate', {
        alarmDescription: `More than ${API_5XX_PERCENT}% of API requests failed with a server error over 5 minutes.`,
        metric: new MathExpression({
          expression: '100 * errors / MAX([requests, 1])',
          usingMetrics: {
            errors: props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
            requests: props.api.metricCount({ period: fiveMinutes, statistic: 'Sum' }),
          },
          period: fiveMinutes,
          label: 'API 5xx %',
        }),
        threshold: API_5XX_PERCENT,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    // Lambda throttles (concurrency) and DynamoDB throttles (on-demand limits) alike.
    const dynamoThrottles = Object.fromEntries(
      props.tables.map((table, i) => [
        `t${i}`,
        new Metric({
          namespace: 'AWS/DynamoDB',
          metricName: 'ThrottledRequests',
          dimensionsMap: { TableName: table.tableName },
          statistic: 'Sum',
          period: fiveMinutes,
        }),
      ]),
    );
    watch(
      new Alarm(this, 'Throttles', {
        alarmDescription: 'Functions or tables were throttled in the last 5 minutes: residents may have seen "try again".',
        metric: new MathExpression({
          expression: Object.keys(dynamoThrottles).length ? `lambda + ${Object.keys(dynamoThrottles).join(' + ')}` : 'lambda',
          usingMetrics: { lambda: LambdaFn.metricAllThrottles({ period: fiveMinutes, statistic: 'Sum' }), ...dynamoThrottles },
          period: fiveMinutes,
          label: 'Throttled requests',
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'OldestPendingEmail', {
        alarmDescription: `An email to a partner or resident has waited over ${OLDEST_PENDING_ALARM_SECONDS / 60} minutes, or the sweeper stopped reporting.`,
        metric: new Metric({
          namespace: props.metricsNamespace,
          metricName: METRIC.oldestPendingOutboxAge,
          dimensionsMap: { service: 'csp-portal' },
          statistic: 'Maximum',
          period: fiveMinutes,
        }),
        threshold: OLDEST_PENDING_ALARM_SECONDS,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // The sweeper publishes every minute; five minutes of silence means it is not running.
        treatMissingData: TreatMissingData.BREACHING,
      }),
    );

    watch(
      new Alarm(this, 'PollCountMismatch', {
        alarmDescription:
          'A poll closed with live counters that disagreed with its ballots: the recomputed totals were published; find out why the counters drifted.',
        metric: new Metric({
          namespace: props.metricsNamespace,
          metricName: METRIC.pollCountMismatches,
          dimensionsMap: { service: 'csp-portal' },
          statistic: 'Maximum',
          period: fiveMinutes,
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // Published only when polls close; silence is the normal state.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
