/**
 * One case per problem. Officers link reports that belong together (the same problem, the
 * same victim, or a duplicate of the same incident) into one case, and unlink them. These
 * are the rules, kept pure: who may join which case, what a case becomes when a report
 * leaves, and what the inbox says of a case. Each report keeps its own record, partners
 * and retention; a case only groups them.
 */
import type { CaseRelation, Status } from '../contracts/workflow-vocabulary';
import { isCalendarDay, londonParts } from '../contracts/london-time';

/** Enough for any problem officers have linked by hand; bounds the reads a case page makes. */
export const MAX_CASE_REPORTS = 20;

interface CaseMember {
  reference: string;
  /** How it relates to the case; the first report, the one the others were linked to, has none. */
  relation?: CaseRelation;
  linkedAt: string;
  /** Who linked it (for the first report: who made the case). */
  linkedBy: string;
  /** When the report reaches the end of its retention (epoch seconds). */
  expiresAt: number;
}

export interface CaseFile {
  caseId: string;
  /** In the order they joined. */
  members: CaseMember[];
  /** Bumped by every link and unlink; a change naming an older version is refused. */
  version: number;
  /** The longest retention of its reports, so the case outlives none of them. */
  expiresAt: number;
}

/** What linking needs to know of each report. */
export interface LinkSide {
  reference: string;
  status: Status;
  caseId?: string;
  expiresAt: number;
}

/**
 * The report that stands for the case in the officers' unfiltered inbox: the one kept
 * longest (ties: the one that joined first). The others are folded behind it, and each
 * of them reaches the end of its retention no later than it does, so a case never drops
 * out of the inbox while a report of it is kept.
 */
export function rowOf(file: Pick<CaseFile, 'members'>): string | undefined {
  let row: CaseMember | undefined;
  for (const m of file.members) if (!row || m.expiresAt > row.expiresAt) row = m;
  return row?.reference;
}

export type LinkPlan =
  /**
   * `file` as it will be, `before` as it was (absent for a new case); `joining`: reports
   * newly in it; `replacedRow`: the case's row before, when a report joining takes its place.
   */
  | { ok: true; file: CaseFile; before?: CaseFile; joining: string[]; replacedRow?: string }
  | { ok: false; status: 400 | 409; message: string };

/**
 * Linking report `x` (the one the officer has open) to `to`: the report not yet in a case
 * joins the other's case, or both start a new one. `files` are the cases each is in now.
 */
export function planLink(
  x: LinkSide,
  to: LinkSide,
  files: { x?: CaseFile; to?: CaseFile },
  link: { relation: CaseRelation; at: string; by: string; newCaseId: () => string },
): LinkPlan {
  if (x.reference === to.reference)
    return { ok: false, status: 400, message: 'A report cannot be linked to itself. Enter the reference of another report.' };
  for (const side of [x, to])
    if (side.status === 'closed')
      return {
        ok: false,
        status: 409,
        message: `Report ${side.reference} is closed, so it cannot join a case. Link the reports that are still open, and add a note to say which one carries on.`,
      };
  // A case that does not list the report (it was unlinked meanwhile) is no case of its.
  files = {
    x: files.x?.members.some((m) => m.reference === x.reference) ? files.x : undefined,
    to: files.to?.members.some((m) => m.reference === to.reference) ? files.to : undefined,
  };
  if (files.x && files.to) {
    if (files.x.caseId === files.to.caseId) return { ok: false, status: 409, message: 'These reports are already in the same case.' };
    return {
      ok: false,
      status: 409,
      message: `Both reports are already in a case. To move ${x.reference} into the case of ${to.reference}, unlink it from its case first, then link it again.`,
    };
  }
  const existing = files.x ?? files.to;
  const joiner = files.x ? to : x;
  const member = (side: LinkSide, relation?: CaseRelation): CaseMember => ({
    reference: side.reference,
    ...(relation ? { relation } : {}),
    linkedAt: link.at,
    linkedBy: link.by,
    expiresAt: side.expiresAt,
  });
  if (existing) {
    if (existing.members.length >= MAX_CASE_REPORTS)
      return {
        ok: false,
        status: 409,
        message: `A case holds at most ${MAX_CASE_REPORTS} reports, and this one is full. Keep ${joiner.reference} apart and add a note naming the case.`,
      };
    const file = {
      ...existing,
      members: [...existing.members, member(joiner, link.relation)],
      version: existing.version + 1,
      expiresAt: Math.max(existing.expiresAt, joiner.expiresAt),
    };
    const replaced = rowOf(existing) !== rowOf(file) ? rowOf(existing) : undefined;
    return { ok: true, before: existing, file, joining: [joiner.reference], ...(replaced ? { replacedRow: replaced } : {}) };
  }
  return {
    ok: true,
    file: {
      caseId: link.newCaseId(),
      members: [member(to), member(x, link.relation)],
      version: 1,
      expiresAt: Math.max(x.expiresAt, to.expiresAt),
    },
    joining: [to.reference, x.reference],
  };
}

export type UnlinkPlan =
  | {
      ok: true;
      /** The case as it will be, or undefined when fewer than two reports would be left (it ends). */
      file?: CaseFile;
      /** Reports that leave the case: the one unlinked, and the last one when the case ends. */
      leaving: string[];
      /** The report that becomes the case's inbox row, when the row leaves. */
      newRow?: string;
    }
  | { ok: false; status: 409; message: string };

export function planUnlink(file: CaseFile | undefined, reference: string): UnlinkPlan {
  if (!file?.members.some((m) => m.reference === reference))
    return { ok: false, status: 409, message: 'This report is not linked to any other report, so there is nothing to unlink.' };
  const remaining = file.members.filter((m) => m.reference !== reference);
  if (remaining.length < 2) return { ok: true, leaving: [reference, ...remaining.map((m) => m.reference)] };
  // The first report left becomes the case's first: it has no relation of its own to show.
  const [first, ...rest] = remaining as [CaseMember, ...CaseMember[]];
  const { relation: _relation, ...firstWithout } = first;
  const after = {
    ...file,
    members: [firstWithout, ...rest],
    version: file.version + 1,
    expiresAt: Math.max(...remaining.map((m) => m.expiresAt)),
  };
  return { ok: true, file: after, leaving: [reference], ...(rowOf(file) === reference ? { newRow: rowOf(after) } : {}) };
}

/**
 * The UK day something happened on (`occurredAt` is a calendar day, or an instant): within
 * one case, what several people report on the same day is one incident.
 */
export function occurredDay(occurredAt: string | undefined): string | undefined {
  if (!occurredAt) return undefined;
  if (isCalendarDay(occurredAt)) return occurredAt;
  const p = londonParts(new Date(occurredAt));
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** One time the partnership was told something: a report, or an incident added to it. */
export interface Telling {
  reference: string;
  createdAt: string;
  /** The incident it tells of, when known: the same one told by another report counts once. */
  incident?: string | undefined;
}

/**
 * Each incident once: the same telling seen twice (through several indexes), or one
 * incident told by several reports (people or agencies). One resident's own two entries of
 * a day stay two. Oldest first, so the first telling is the one kept.
 */
export function countOnce<T extends Telling>(tellings: readonly T[]): T[] {
  const seen = new Set<string>();
  const firstTold = new Map<string, string>();
  const kept: T[] = [];
  for (const t of [...tellings].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const key = `${t.reference}|${t.createdAt}`;
    const by = t.incident === undefined ? undefined : firstTold.get(t.incident);
    if (seen.has(key) || (by !== undefined && by !== t.reference)) continue;
    seen.add(key);
    if (t.incident !== undefined && by === undefined) firstTold.set(t.incident, t.reference);
    kept.push(t);
  }
  return kept;
}

/** What counting needs of each report in a case: how it joined, when it came and happened, and what was added to it. */
export interface CaseReportFacts {
  reference: string;
  relation?: CaseRelation | undefined;
  createdAt: string;
  occurredAt?: string | undefined;
  /** The incidents its resident added: when each came, and when it happened if they said. */
  added: readonly { at: string; occurredAt?: string | undefined }[];
}

/**
 * What a case's reports tell, before counting: each report, except a duplicate's own (an
 * incident already told), and each incident added to one. Within a case, what happened on
 * the same UK day is one incident, whoever told it (`caseId` keeps the days of different
 * cases apart when tellings are counted together).
 */
export function caseTellings(caseId: string, reports: readonly CaseReportFacts[]): Telling[] {
  const day = (occurredAt: string | undefined) => {
    const d = occurredDay(occurredAt);
    return d ? `${caseId}|${d}` : undefined;
  };
  return reports.flatMap((r) => [
    ...(r.relation === 'duplicate' ? [] : [{ reference: r.reference, createdAt: r.createdAt, incident: day(r.occurredAt) }]),
    ...r.added.map((a) => ({ reference: r.reference, createdAt: a.at, incident: day(a.occurredAt) })),
  ]);
}

/** What the inbox and the case page know of each report in a case: its record's counts, not each incident. */
export interface MemberFacts {
  reference: string;
  relation?: CaseRelation | undefined;
  createdAt: string;
  occurredAt?: string | undefined;
  /** Incidents the resident added from their private link. */
  incidentCount?: number | undefined;
  lastIncidentAt?: string | undefined;
}

/**
 * A case's figures: its reports, its incidents counted once each (caseTellings, countOnce),
 * and when the latest reached the partnership. The incidents added to a report are known
 * here by their number only, so each counts (the flags, which read them, also know their days).
 */
export function caseFigures(members: readonly MemberFacts[]): { reports: number; incidents: number; latestAt: string } {
  const reports = members.map((m) => ({
    ...m,
    added: Array.from({ length: m.incidentCount ?? 0 }, (_, i) => ({ at: `${m.lastIncidentAt ?? m.createdAt}#${i}` })),
  }));
  const latestAt =
    members
      .flatMap((m) => [m.createdAt, m.lastIncidentAt ?? ''])
      .sort()
      .at(-1) ?? '';
  return { reports: members.length, incidents: countOnce(caseTellings('case', reports)).length, latestAt };
}
