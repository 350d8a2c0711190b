/**
 * Who may see which report (object-level access). Officers and admins see every
 * report; a partner user sees only reports routed to their partner, and only the data
 * that partner receives; anyone else sees nothing.
 */
import type { DataLevel, Profile } from '../../shared/config/profile-schema';
import type { StoredReport } from '../reports/records';
import { jsonMessage } from '../adapters/http/responses';

export type Access = { kind: 'all' } | { kind: 'partner'; partnerId: string } | { kind: 'none' };

export function accessFor(groups: string[], profile: Profile): Access {
  if (groups.includes('admin') || groups.includes('officer')) return { kind: 'all' };
  for (const group of groups) {
    const partnerId = group.startsWith('partner-') ? group.slice('partner-'.length) : undefined;
    if (partnerId && profile.partners.some((p) => p.id === partnerId)) return { kind: 'partner', partnerId };
  }
  return { kind: 'none' };
}

/** The data level this access gives on this report, or undefined if the report is out of scope. */
export function dataLevelFor(access: Access, report: StoredReport): DataLevel | undefined {
  if (access.kind === 'all') return 'full';
  if (access.kind === 'partner') return report.routes.find((r) => r.partnerId === access.partnerId)?.dataLevel;
  return undefined;
}

/** A report that does not exist and one outside the reader's scope get the same answer: its existence is not revealed. */
export const notFound = () => jsonMessage(404, 'No report with that reference, or not one you can see');
