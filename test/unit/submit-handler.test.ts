/**
 * The submit handler's failure path for browser forms, with a store that fails (an
 * in-memory fake is fine here: this is the handler's own logic, not DynamoDB's).
 */
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handleSubmit, type SubmitHandlerDependencies } from '../../functions/submit-report/handler';
import type { ReportStore } from '../../functions/reports/ports';
import { readReceipt } from '../../functions/reports/receipt';
import { defaultProfile } from '../../shared/config/load-profile';
import formPost from '../fixtures/events/form-post.json' with { type: 'json' };

process.env.LOG_LEVEL = 'silent';

function depsWith(create: ReportStore['create']): SubmitHandlerDependencies {
  const store = { create } as ReportStore;
  return {
    receiptSecret: async () => 'test-receipt-key',
    store,
    profile: defaultProfile(),
    partners: async () => defaultProfile().partners,
    now: () => new Date('2026-11-22T10:00:00Z'),
    newReference: () => 'ABCD2345',
    hash: (v) => v,
  };
}

describe('submitting the form when storing fails', () => {
  it('gives the form back with every answer kept and a message to try again, never a bare error page', async () => {
    const deps = depsWith(async () => {
      throw Object.assign(new Error('ProvisionedThroughputExceededException'), { name: 'ProvisionedThroughputExceededException' });
    });
    const res = await handleSubmit(deps, formPost as unknown as APIGatewayProxyEventV2);
    expect(res.statusCode).toBe(503);
    const html = String(res.body);
    expect(html).toContain('Sorry, we could not confirm that your report was saved. Your answers are still below');
    expect(html).toContain('req-form-1');
    expect(html).toContain('Loud music every night at number 12</textarea>');
    expect(html).toMatch(/value="oakridge" checked/);
    expect(html).not.toContain('ProvisionedThroughputExceeded');
  });

  it('redirects to the confirmation with a receipt signed for that reference when storing works', async () => {
    const deps = depsWith(async () => ({ outcome: 'created' }));
    const res = await handleSubmit(deps, formPost as unknown as APIGatewayProxyEventV2);
    expect(res.statusCode).toBe(303);
    const location = new URL(res.headers.Location!, 'https://reports.example.org');
    expect(location.pathname).toBe('/api/reports/ABCD2345/confirmation');
    const receipt = location.searchParams.get('receipt') ?? undefined;
    // The form post is anonymous and asks for no private link, so the receipt shows none.
    expect(readReceipt('test-receipt-key', 'ABCD2345', receipt, deps.now())).toEqual({ withLink: false });
    expect(readReceipt('test-receipt-key', 'ZZZZZZZZ', receipt, deps.now())).toBeUndefined();
  });
});

describe('an Idempotency-Key reused for a different report (API Gateway events)', () => {
  /** Keeps markers as the DynamoDB adapter does: by hash, with the hash of the report they were made for. */
  function markerStore() {
    const markers = new Map<string, { reference: string; requestHash: string }>();
    const create: ReportStore['create'] = async (report, _outbox, marker) => {
      const existing = markers.get(marker.hash);
      if (existing)
        return existing.requestHash === marker.requestHash
          ? { outcome: 'duplicate', reference: existing.reference }
          : { outcome: 'key-reused' };
      markers.set(marker.hash, { reference: report.reference, requestHash: marker.requestHash });
      return { outcome: 'created' };
    };
    return create;
  }
  const jsonEvent = (body: unknown, headers: Record<string, string>, sourceIp = '192.0.2.10') =>
    ({
      ...formPost,
      headers: { 'content-type': 'application/json', ...headers },
      requestContext: { ...formPost.requestContext, http: { ...formPost.requestContext.http, sourceIp } },
      body: JSON.stringify(body),
    }) as unknown as APIGatewayProxyEventV2;
  const report = {
    type: 'asb',
    asbCategory: 'nuisance',
    reporterRole: 'victim',
    description: 'Loud music every night at number 12',
    ongoing: true,
    location: { area: 'oakridge' },
    anonymous: true,
  };

  it('answers 422 without the first reference, and replays only the same report', async () => {
    let n = 0;
    const deps = { ...depsWith(markerStore()), newReference: () => ['AAAA2345', 'BBBB2345'][n++]! };
    const first = await handleSubmit(deps, jsonEvent(report, { 'idempotency-key': 'k' }));
    expect(first.statusCode).toBe(201);
    const other = await handleSubmit(
      deps,
      jsonEvent({ ...report, description: 'A different report entirely' }, { 'idempotency-key': 'k' }, '198.51.100.7'),
    );
    expect(other.statusCode).toBe(422);
    expect(other.headers['Idempotent-Replayed']).toBeUndefined();
    expect(String(other.body)).toContain('already used for another report');
    expect(String(other.body)).not.toContain('AAAA2345');
    const retry = await handleSubmit(deps, jsonEvent(report, { 'idempotency-key': 'k' }, '198.51.100.7'));
    expect(retry.statusCode).toBe(201);
    expect(JSON.parse(String(retry.body)).reference).toBe('AAAA2345');
    expect(retry.headers['Idempotent-Replayed']).toBe('true');
  });
});
