/**
 * Use case: what the portal itself holds when a resident applies from their private
 * report link: each report of the report's case (or the report alone) and every incident
 * added to one, as complaints for the threshold check. No personal data leaves here: days,
 * references and the hashed contact and place keys only.
 */
import { complaintsFromReports } from '../../shared/domain/case-review';
import type { CaseFile } from '../../shared/domain/cases';
import type { ReportStore } from '../reports/ports';
import { complaintFacts, type StoredReport } from '../reports/records';
import type { FromReports } from './apply';

export interface FromReportDependencies {
  reports: Pick<ReportStore, 'get' | 'residentRecords'>;
  caseFile: (caseId: string) => Promise<CaseFile | undefined>;
}

export async function fromReports(deps: FromReportDependencies, live: StoredReport): Promise<FromReports> {
  const file = live.caseId ? await deps.caseFile(live.caseId) : undefined;
  const members = file?.members ?? [{ reference: live.reference }];
  const reports = await Promise.all(
    members.map(async (m) => {
      const stored = m.reference === live.reference ? live : await deps.reports.get(m.reference);
      const { incidents } = stored ? await deps.reports.residentRecords(m.reference) : { incidents: [] };
      return stored ? { stored, relation: 'relation' in m ? m.relation : undefined, incidents } : undefined;
    }),
  );
  const found = reports.filter((r) => r !== undefined);
  return {
    references: found.map((r) => r.stored.reference),
    partners: [...new Set(found.flatMap((r) => r.stored.routes.map((route) => route.partnerId)))],
    complaints: complaintsFromReports(found.map(({ stored, relation, incidents }) => complaintFacts(stored, incidents, relation))),
  };
}
