/**
 * Use case: when a report arrives, look for earlier reports with the same contact or
 * the same street and area, and flag every report that meets a threshold (repeat
 * victim, ASB Case Review). Runs from the stream, off the resident's request path: when
 * a report arrives, and when its resident adds an incident (`at`), since each incident is
 * one more time it happened to the same person in the same place.
 * Flags only accumulate: a report once flagged stays flagged for the officer to judge.
 */
import type { Profile } from '../../shared/config/profile-schema';
import { flagsFor, type Flag, type FlagCandidate } from '../../shared/domain/flags';
import type { CaseStore } from './ports';
import type { ReportStore } from './ports';

export interface FlagDependencies {
  store: ReportStore;
  cases: CaseStore;
  profile: Profile;
}

export async function flagReport(deps: FlagDependencies, reference: string, incidentAt?: string): Promise<Flag[]> {
  const stored = await deps.store.get(reference);
  if (!stored || (!stored.contactKey && !stored.placeKey)) return [];
  const self: FlagCandidate = { reference, createdAt: stored.createdAt, type: stored.report.type };
  // The report's own incidents count as more reports from the same person about the same place.
  const incidents: FlagCandidate[] = incidentAt
    ? (await deps.store.residentRecords(reference)).incidents.map((i) => ({ reference, createdAt: i.at, type: stored.report.type }))
    : [];
  // The index may not show the new report yet (indexes are eventually consistent).
  const withSelf = (list: FlagCandidate[]) => [...(list.some((c) => c.reference === reference) ? list : [...list, self]), ...incidents];
  const [byContact, byPlace] = await Promise.all([
    stored.contactKey ? deps.cases.related('contact', stored.contactKey).then(withSelf) : [],
    stored.placeKey ? deps.cases.related('place', stored.placeKey).then(withSelf) : [],
  ]);
  const found = flagsFor(incidentAt ?? stored.createdAt, byContact, byPlace, deps.profile.flags);
  const perReport = new Map<string, Set<Flag>>();
  for (const [flag, reports] of found)
    for (const r of reports) perReport.set(r.reference, (perReport.get(r.reference) ?? new Set()).add(flag));
  for (const [ref, flags] of perReport) {
    const target = ref === reference ? stored : await deps.store.get(ref);
    if (!target) continue;
    const merged = [...new Set([...(target.flags ?? []), ...flags])].sort();
    if (merged.length !== (target.flags ?? []).length) await deps.cases.setFlags(target, merged);
  }
  return [...(perReport.get(reference) ?? [])];
}
