/**
 * The private link's forms when storing fails: the resident's words come back to send
 * again, never an error page that loses them (in-memory fakes are fine here: this is the
 * handler's own logic, not DynamoDB's).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handlePrivateReport } from '../../functions/private-report/handler';
import { privateLinkPath } from '../../functions/reports/private-link';
import type { StoredReport } from '../../functions/reports/records';
import type { Report } from '../../shared/contracts/report';
import { defaultProfile } from '../../shared/config/load-profile';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };

process.env.LOG_LEVEL = 'silent';

const stored: StoredReport = {
  reference: 'ABCD2345',
  status: 'new',
  version: 1,
  createdAt: '2026-11-21T10:00:00.000Z',
  dueAt: '2026-11-22T17:00:00.000Z',
  report: hateCrime as Report,
  routes: [{ partnerId: 'police', dataLevel: 'full' }],
  deliveries: {},
  expiresAt: 4_000_000_000,
  privateLink: { version: 1 },
};
const failing = async () => {
  throw Object.assign(new Error('ProvisionedThroughputExceededException'), { name: 'ProvisionedThroughputExceededException' });
};
const deps = {
  store: { get: async () => stored, addIncident: failing, addMessage: failing },
  limiter: { take: async () => ({ allowed: true, retryAfterSeconds: 0 }) },
  profile: defaultProfile(),
  linkSecret: async () => 'test-link-key',
  now: () => new Date('2026-11-22T10:00:00Z'),
  hash: (v: string) => v,
} as unknown as Parameters<typeof handlePrivateReport>[0];

const post = (path: string, form: Record<string, string>) => {
  const [, , , reference, , key] = path.split('/');
  return {
    rawPath: path,
    pathParameters: { reference, key },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    isBase64Encoded: false,
    requestContext: { requestId: 'req-private-1', http: { method: 'POST', sourceIp: '203.0.113.9' } },
  } as unknown as APIGatewayProxyEventV2;
};

describe('a private link form when storing fails', () => {
  const link = privateLinkPath('test-link-key', 'ABCD2345');

  it('gives an incident back with every answer kept and a message to try again', async () => {
    const res = await handlePrivateReport(deps, defaultProfile(), post(link, { description: 'They came back at 2am', ongoing: 'true' }));
    expect(res.statusCode).toBe(503);
    const html = String(res.body);
    expect(html).toContain('Sorry, we could not confirm that this was saved. Your answers are still below');
    expect(html).toContain('req-private-1');
    expect(html).toContain('They came back at 2am</textarea>');
    expect(html).not.toContain('ProvisionedThroughput');
  });

  it('gives a message back the same way', async () => {
    const res = await handlePrivateReport(
      deps,
      defaultProfile(),
      post(`${link}/messages`, { about: 'withdraw', message: 'Please close it' }),
    );
    expect(res.statusCode).toBe(503);
    const html = String(res.body);
    expect(html).toContain('Please close it</textarea>');
    expect(html).toMatch(/value="withdraw" checked/);
  });
});
