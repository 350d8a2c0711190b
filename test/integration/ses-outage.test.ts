/**
 * Nothing is lost when email is down: with SES local stopped, reports still get a
 * reference and wait in the outbox; when SES is back, the sweeper sends each email once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { createReportStore } from '../../functions/adapters/dynamodb/report-store';
import { capturedEmails, startTestStack, waitForEmails } from '../support/local-stack';
import asbAnon from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

let stack: LocalStack;
beforeAll(async () => {
  // SES local is stopped and started here: the stack runs one of its own.
  stack = await startTestStack({ ownSes: true });
});
afterAll(async () => stack?.stop());

it('keeps reports and sends their emails once SES is back', async () => {
  const store = createReportStore(localDynamoClient(stack.dynamoDbEndpoint), stack.tableName);
  await stack.stopSes();

  const references: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${stack.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...asbAnon, description: `During the outage ${i}` }),
    });
    expect(res.status).toBe(201);
    references.push(((await res.json()) as { reference: string }).reference);
  }
  // The router tries (and its retries fail); the attempts are recorded, nothing is marked sent.
  await stack.streamIdle();
  for (const reference of references) {
    const report = await store.get(reference);
    expect(Object.values(report!.deliveries).map((d) => d.state)).toEqual(['pending', 'pending', 'pending']);
    expect(report!.deliveries['council-asb-team']!.attempts).toBeGreaterThanOrEqual(1);
    expect(report!.deliveries['council-asb-team']!.lastError).toBe('Email service unavailable');
  }

  // The oldest waiting email is the first report's: the age the sweeper publishes for the alarm.
  const oldest = await store.oldestPendingCreatedAt();
  expect(oldest).toBe((await store.get(references[0]!))!.createdAt);

  await stack.startSes();
  expect(await capturedEmails(stack)).toHaveLength(0);
  // The sweeper's clock moved past the back-off, as it would be a few minutes later.
  const { sweepOutbox } = await import('../../functions/sweep-outbox/handler');
  const { runtimeDependencies } = await import('../../functions/reports/delivery-dependencies');
  const later = () => new Date(Date.now() + 2 * 3_600_000);
  const summary = await sweepOutbox({ ...runtimeDependencies(), now: later });
  expect(summary).toMatchObject({ sent: 9, pending: 0, failed: 0, oldestPendingSeconds: 0 });
  expect(await store.oldestPendingCreatedAt()).toBeUndefined();

  const emails = await waitForEmails(stack, (all) => all.length >= 9);
  for (const reference of references) expect(emails.filter((e) => e.subject.includes(reference))).toHaveLength(3);
  // A second sweep finds nothing left to send.
  expect(await sweepOutbox({ ...runtimeDependencies(), now: later })).toMatchObject({ examined: 0 });
  expect(await capturedEmails(stack)).toHaveLength(9);
  const report = await store.get(references[0]!);
  expect(report!.deliveries['fire-rescue']).toMatchObject({ state: 'sent' });
});

it('shows officers each attempt of an email that waited out the outage, then its delivery', async () => {
  const store = createReportStore(localDynamoClient(stack.dynamoDbEndpoint), stack.tableName);
  await stack.stopSes();
  const res = await fetch(`${stack.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...asbAnon, description: 'Timeline during an outage' }),
  });
  const { reference } = (await res.json()) as { reference: string };
  await stack.streamIdle();
  await stack.startSes();
  const { sweepOutbox } = await import('../../functions/sweep-outbox/handler');
  const { runtimeDependencies } = await import('../../functions/reports/delivery-dependencies');
  await sweepOutbox({ ...runtimeDependencies(), now: () => new Date(Date.now() + 2 * 3_600_000) });
  const entry = (await store.getOutbox(reference, 'council-asb-team'))!;
  expect(entry.state).toBe('sent');
  const outcomes = entry.history!.map((a) => a.outcome);
  expect(outcomes.at(-1)).toBe('sent');
  expect(outcomes.slice(0, -1).every((o) => o === 'not-sent')).toBe(true);
  expect(entry.history!.map((a) => a.attempt)).toEqual(outcomes.map((_, i) => i + 1));
  const { buildTimeline } = await import('../../functions/officer/timeline');
  const lines = buildTimeline((await store.get(reference))!, [], [entry], [], new Map([['council-asb-team', 'Council']]), false)
    .filter((t) => t.kind === 'email')
    .map((t) => t.text);
  expect(lines).toHaveLength(outcomes.length);
  expect(lines.at(-1)).toBe(`Email to Council sent (attempt ${outcomes.length})`);
});
