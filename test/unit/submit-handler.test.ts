/**
 * The submit handler's failure path for browser forms, with a store that fails (an
 * in-memory fake is fine here: this is the handler's own logic, not DynamoDB's).
 */
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handleSubmit } from '../../functions/submit-report/handler';
import type { SubmitDependencies } from '../../functions/submit-report/submit-report';
import type { ReportStore } from '../../functions/adapters/dynamodb/report-store';
import { defaultProfile } from '../../shared/config/load-profile';
import formPost from '../fixtures/events/form-post.json' with { type: 'json' };

process.env.LOG_LEVEL = 'silent';

function depsWith(create: ReportStore['create']): SubmitDependencies {
  const store = { create } as ReportStore;
  return { store, profile: defaultProfile(), partners: async () => defaultProfile().partners, now: () => new Date('2026-11-22T10:00:00Z'), newReference: () => 'ABCD2345', hash: (v) => v };
}

describe('submitting the form when storing fails', () => {
  it('gives the form back with every answer kept and a message to try again, never a bare error page', async () => {
    const deps = depsWith(async () => {
      throw Object.assign(new Error('ProvisionedThroughputExceededException'), { name: 'ProvisionedThroughputExceededException' });
    });
    const res = await handleSubmit(deps, formPost as unknown as APIGatewayProxyEventV2);
    expect(res.statusCode).toBe(503);
    const html = String(res.body);
    expect(html).toContain('Sorry, we could not save your report just now. Your answers are still below');
    expect(html).toContain('req-form-1');
    expect(html).toContain('Loud music every night at number 12</textarea>');
    expect(html).toMatch(/value="millbrook" checked/);
    expect(html).not.toContain('ProvisionedThroughputExceeded');
  });

  it('redirects to the confirmation when storing works', async () => {
    const res = await handleSubmit(depsWith(async () => ({ outcome: 'created' })), formPost as unknown as APIGatewayProxyEventV2);
    expect(res.statusCode).toBe(303);
    expect(res.headers.Location).toBe('/api/reports/ABCD2345/confirmation');
  });
});
