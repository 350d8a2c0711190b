/**
 * Use case: when a report arrives, look for earlier reports with the same contact or
 * the same street and area, and flag every report that meets a threshold (repeat
 * victim, ASB Case Review). Runs from the stream, off the resident's request path: when
 * a report arrives, and when its resident adds an incident (`at`), since each incident is
 * one more time it happened to the same person in the same place; and when officers link
 * it into a case, counting the whole case's incidents, each once.
 * Flags only accumulate: a report once flagged stays flagged for the officer to judge.
 */
import type { Profile } from '../../shared/config/profile-schema';
import { flagsFor, type Flag, type FlagCandidate } from '../../shared/domain/flags';
import type { CaseStore } from './ports';
import type { ReportStore } from './ports';
import { caseTellings, countOnce, type CaseFile } from '../../shared/domain/cases';

export interface FlagDependencies {
  store: ReportStore;
  cases: CaseStore;
  profile: Profile;
}

/**
 * What a linked case adds: every report in it and every incident its residents added,
 * told as caseTellings says (a duplicate's own report left out, one day one incident).
 */
export async function caseCandidates(deps: FlagDependencies, file: CaseFile | undefined): Promise<FlagCandidate[]> {
  if (!file?.members.length) return [];
  const reports = await deps.store.getMany(file.members.map((m) => m.reference));
  const facts = await Promise.all(
    file.members.flatMap((m) => {
      const report = reports.get(m.reference);
      if (!report) return [];
      return [
        (report.incidentCount ? deps.store.residentRecords(m.reference) : Promise.resolve({ incidents: [] })).then(({ incidents }) => ({
          reference: m.reference,
          relation: m.relation,
          createdAt: report.createdAt,
          occurredAt: report.report.occurredAt,
          added: incidents.map((i) => ({ at: i.at, occurredAt: i.incident.occurredAt })),
        })),
      ];
    }),
  );
  const typeOf = new Map(file.members.map((m) => [m.reference, reports.get(m.reference)?.report.type ?? 'asb']));
  return caseTellings(file.caseId, facts).map((t) => ({ ...t, type: typeOf.get(t.reference)! }));
}

/**
 * `caseTold`: the case's candidates, when the caller has them already (the router flags every
 * report of a case it sees change, and reads the case once for all of them).
 */
export async function flagReport(
  deps: FlagDependencies,
  reference: string,
  incidentAt?: string,
  caseTold?: FlagCandidate[],
): Promise<Flag[]> {
  const stored = await deps.store.get(reference);
  if (!stored) return [];
  const inCase = caseTold ?? (stored.caseId ? await caseCandidates(deps, await deps.cases.getCaseFile(stored.caseId)) : []);
  if (!stored.contactKey && !stored.placeKey && !inCase.length) return [];
  const self: FlagCandidate = { reference, createdAt: stored.createdAt, type: stored.report.type };
  // The report's own incidents count as more reports from the same person about the same place.
  const incidents: FlagCandidate[] =
    incidentAt && !inCase.length
      ? (await deps.store.residentRecords(reference)).incidents.map((i) => ({ reference, createdAt: i.at, type: stored.report.type }))
      : [];
  // The index may not show the new report yet (indexes are eventually consistent). The
  // case comes first, so that the incidents it knows to be one are counted once.
  const withSelf = (list: FlagCandidate[]) => countOnce([...inCase, ...list, self, ...incidents]);
  const [byContact, byPlace] = await Promise.all([
    stored.contactKey ? deps.cases.related('contact', stored.contactKey).then(withSelf) : withSelf([]),
    stored.placeKey ? deps.cases.related('place', stored.placeKey).then(withSelf) : withSelf([]),
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
