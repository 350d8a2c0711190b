/**
 * Which partners receive a report, and how much of it each may see.
 * Rules come from the partner directory (seeded from the profile, edited by admins):
 * each partner names the report types, ASB categories and areas it handles.
 */
import type { Partner, DataLevel } from '../config/profile-schema';
import type { Report } from '../contracts/report';

export interface Route {
  partnerId: string;
  dataLevel: DataLevel;
}

function matches(partner: Partner, report: Report): boolean {
  const h = partner.handles;
  if (!h.types.includes(report.type)) return false;
  if (h.areas !== '*' && !h.areas.includes(report.location.area)) return false;
  if (report.type === 'asb' && h.asbCategories && report.asbCategory && !h.asbCategories.includes(report.asbCategory)) return false;
  if (report.type === 'hate-crime' && h.hateMotivations && !report.hateMotivations?.some((m) => h.hateMotivations?.includes(m)))
    return false;
  return true;
}

/**
 * The partners a report goes to. If the profile's rules leave a report with nobody
 * (a gap in the profile), it goes to every partner that handles its type, so a
 * report is never silently unrouted.
 */
export function routeReport(report: Report, partners: readonly Partner[]): Route[] {
  let chosen = partners.filter((p) => matches(p, report));
  if (chosen.length === 0) chosen = partners.filter((p) => p.handles.types.includes(report.type));
  return chosen.map((p) => ({ partnerId: p.id, dataLevel: p.dataLevel }));
}
