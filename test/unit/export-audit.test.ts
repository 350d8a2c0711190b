/**
 * The admin export audits exactly what left the system: entries are written only once
 * the whole file is ready, a file refused as too large audits nothing, and an audit that
 * cannot be written stops the file and says so on the reports it reached. Fakes stand in
 * for the stores: this is the use case's own ordering, not DynamoDB's.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { exportReports, MAX_EXPORT_BYTES } from '../../functions/officer/exports';
import type { Officer } from '../../functions/officer/authorise';
import type { OfficerDependencies } from '../../functions/officer/dependencies';
import type { AuditEntry } from '../../functions/reports/ports';
import type { CaseSummary, StoredReport } from '../../functions/reports/records';
import { defaultProfile } from '../../shared/config/load-profile';
import asb from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

const admin: Officer = {
  identity: { userId: 'a', username: 'admin@example.org', groups: ['admin'] },
  access: { kind: 'all' },
  isAdmin: true,
};
const event = { queryStringParameters: {} } as unknown as APIGatewayProxyEventV2;

function depsFor(count: number, description: string, audit: { appendAll: (e: AuditEntry[]) => Promise<void> }) {
  const summaries: CaseSummary[] = Array.from(
    { length: count },
    (_, i) =>
      ({
        reference: `R${String(i).padStart(7, '0')}`,
        createdAt: '2026-11-20T10:00:00.000Z',
        status: 'new',
        dueAt: '2026-11-21T17:00:00.000Z',
        type: 'asb',
        area: 'north',
      }) as unknown as CaseSummary,
  );
  const events: string[] = [];
  const deps = {
    profile: defaultProfile(),
    partnerList: async () => [],
    now: () => new Date('2026-11-29T10:00:00Z'),
    cases: {
      listInbox: async (_scope: unknown, _filters: unknown, limit: number, cursor?: string) => {
        const start = Number(cursor ?? 0);
        events.push(`page ${start}`);
        return { items: summaries.slice(start, start + limit), ...(start + limit < count ? { cursor: String(start + limit) } : {}) };
      },
    },
    store: {
      getMany: async (refs: string[]) =>
        new Map(
          refs.map((reference) => [
            reference,
            { reference, expiresAt: 1_900_000_000, report: { ...asb, description } } as unknown as StoredReport,
          ]),
        ),
    },
    audit: {
      appendAll: async (entries: AuditEntry[]) => {
        events.push(`audit ${entries.length}`);
        return audit.appendAll(entries);
      },
    },
  } as unknown as OfficerDependencies;
  return { deps, events };
}

describe('auditing an admin export', () => {
  it('audits every report in the file once, after the last page is read', async () => {
    const written: AuditEntry[] = [];
    const { deps, events } = depsFor(250, 'Fly-tipping again', { appendAll: async (e) => void written.push(...e) });
    const res = await exportReports(deps, admin, event);
    expect(res.statusCode).toBe(200);
    expect(String(res.body).trim().split('\r\n')).toHaveLength(251);
    expect(events).toEqual(['page 0', 'page 100', 'page 200', 'audit 250']);
    expect(new Set(written.map((e) => e.reference)).size).toBe(250);
    expect(written[0]!.summary).toMatch(/^Exported with personal data \(CSV, export [0-9a-f]{8}\)$/);
  });

  it('audits nothing when the file would be too large to send', async () => {
    const { deps, events } = depsFor(2000, 'x'.repeat(4000), { appendAll: async () => undefined });
    const res = await exportReports(deps, admin, event);
    expect(res.statusCode).toBe(413);
    expect(events.some((e) => e.startsWith('audit'))).toBe(false);
    expect(MAX_EXPORT_BYTES).toBeLessThan(6 * 1024 * 1024);
  });

  it('sends no file when the audit cannot be written, and marks the reports it reached', async () => {
    const written: AuditEntry[] = [];
    let calls = 0;
    const { deps } = depsFor(30, 'Graffiti', {
      appendAll: async (entries) => {
        if (calls++ === 0) {
          written.push(...entries.slice(0, 10));
          throw Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' });
        }
        written.push(...entries);
      },
    });
    await expect(exportReports(deps, admin, event)).rejects.toThrow('throttled');
    const failed = written.filter((e) => e.summary?.includes('failed before the file was sent'));
    expect(failed).toHaveLength(30);
  });
});
