/**
 * The CSV export at its documented cap: 5,000 reports in DynamoDB Local, exported by an
 * admin (personal fields: every report read in batches and audited) and by an officer
 * (summary fields), through the same use case the officer API runs. Peak memory is the
 * heap's growth above the level before the export, sampled every 5 ms, beside the size
 * of the file itself (what a response must hold).
 */
import { createAuditLog } from '../../functions/adapters/dynamodb/audit-log';
import { createCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { createReportStore } from '../../functions/adapters/dynamodb/report-store';
import { exportReports, MAX_EXPORT_ROWS } from '../../functions/officer/exports';
import type { Officer } from '../../functions/officer/authorise';
import type { OfficerDependencies } from '../../functions/officer/dependencies';
import { ensureReportsTable } from '../../infra/local/create-tables';
import { localDynamoClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/ports';
import { defaultProfile } from '../../shared/config/load-profile';
import { seedReports } from '../support/seed-reports';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface ExportFigures {
  reports: number;
  adminSeconds: number;
  adminPeakHeapMB: number;
  officerSeconds: number;
  officerPeakHeapMB: number;
  fileMB: number;
  auditEntries: number;
  status: number;
}

async function measured(work: () => Promise<unknown>): Promise<{ seconds: number; peakMB: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { seconds, peakMB: (peak - base) / 1024 / 1024 };
}

export async function benchExport(reports = MAX_EXPORT_ROWS, log = console.log): Promise<ExportFigures> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const client = localDynamoClient(dynamo.endpoint);
  try {
    const table = 'export-bench';
    await ensureReportsTable(client, table);
    const profile = defaultProfile();
    log(`  loading ${reports.toLocaleString('en-GB')} reports (not timed)…`);
    await seedReports(client, table, profile, 0, reports, { parallel: 16 });
    const deps = {
      profile,
      now: () => new Date(),
      cases: createCaseStore(client, table),
      store: createReportStore(client, table),
      audit: createAuditLog(client, table),
    } as unknown as OfficerDependencies;
    const as = (groups: string[], isAdmin: boolean): Officer => ({
      identity: { userId: groups[0]!, username: `${groups[0]}@example.org`, groups },
      access: { kind: 'all' },
      isAdmin,
    });
    // The default inbox filters (none) from the first page: every report.
    const event = { queryStringParameters: {} } as unknown as APIGatewayProxyEventV2;
    let status = 0;
    let fileBytes = 0;
    let auditEntries = 0;
    const audit = deps.audit;
    deps.audit = {
      ...audit,
      appendAll: async (entries) => {
        auditEntries += entries.length;
        return audit.appendAll(entries);
      },
    };
    log('  admin export (personal fields, audited)…');
    const admin = await measured(async () => {
      const res = await exportReports(deps, as(['admin'], true), event);
      status = res.statusCode;
      fileBytes = Buffer.byteLength(String(res.body));
    });
    log('  officer export (summary fields)…');
    const officer = await measured(() => exportReports(deps, as(['officer'], false), event));
    return {
      reports,
      adminSeconds: admin.seconds,
      adminPeakHeapMB: admin.peakMB,
      officerSeconds: officer.seconds,
      officerPeakHeapMB: officer.peakMB,
      fileMB: fileBytes / 1024 / 1024,
      auditEntries,
      status,
    };
  } finally {
    client.destroy();
    await dynamo.stop();
  }
}
