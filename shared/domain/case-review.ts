/**
 * The ASB Case Review threshold (Anti-social Behaviour, Crime and Policing Act 2014),
 * checked, never decided: each complaint an application rests on is marked as qualifying
 * or not against the partnership's local rules, with the reason in words, and the
 * threshold shown as met or not. An officer records the decision; the law does not let
 * software refuse an application.
 *
 * Dates are UK calendar days (YYYY-MM-DD): a complaint made on the 180th day before the
 * application is inside a 180-day window, one made on the 181st is not.
 */
import type { CaseReviewThreshold } from '../config/profile-schema';
import type { CaseRelation } from '../contracts/workflow-vocabulary';
import { occurredDay } from './cases';

export interface Complaint {
  /** The UK day the incident happened. */
  incidentOn: string;
  /** The UK day the complaint was made. */
  madeOn: string;
  /** Who it was made to: a partner's id, or "other" for an organisation outside the partnership. */
  to: string;
  /** Who made it, as a key that is the same for the same person (never shown). */
  by?: string;
  /** A hate incident (for an area whose rule counts one on its own). */
  hate?: boolean;
  /** The place it is about, as a key that is the same for the same street and area. */
  place?: string;
  /** The portal's report it came from, when it came through the portal. */
  reference?: string;
}

interface AssessedComplaint extends Complaint {
  qualifies: boolean;
  /** Why it does not qualify, or why it counts once with another: plain words for the officer. */
  reasons: string[];
  /** The earlier complaint (its position in the list, from 0) about the same incident. */
  sameIncidentAs?: number;
}

export interface ThresholdCheck {
  met: boolean;
  /** Which local rule meets it, when met. */
  metBy?: 'complaints' | 'hate-incident' | 'same-place';
  /** Qualifying complaints, one incident told to several organisations counted once. */
  counted: number;
  complaints: AssessedComplaint[];
}

const DAY_MS = 86_400_000;
/** Whole days from one UK day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Each complaint against the rules, in the order given; the earliest telling of an incident is the one counted. */
function assess(complaints: Complaint[], rule: CaseReviewThreshold, appliedOn: string): AssessedComplaint[] {
  const firstOfIncident = new Map<string, number>();
  return complaints.map((c, i) => {
    const reasons: string[] = [];
    const age = daysBetween(c.madeOn, appliedOn);
    const delay = daysBetween(c.incidentOn, c.madeOn);
    if (age < 0) reasons.push('It was made after the application.');
    else if (age > rule.windowDays)
      reasons.push(`It was made ${age} days before the application: only complaints in the last ${rule.windowDays} days count.`);
    if (delay < 0) reasons.push('It is dated before the incident it is about: check the dates.');
    else if (delay > rule.reportedWithinDays)
      reasons.push(
        `It was made ${delay} days after the incident: a complaint counts when made within ${rule.reportedWithinDays} days of it.`,
      );
    const qualifies = reasons.length === 0;
    // One incident reported to several organisations (or by several people) is one incident.
    const earlier = qualifies ? firstOfIncident.get(c.incidentOn) : undefined;
    if (qualifies && earlier === undefined) firstOfIncident.set(c.incidentOn, i);
    return {
      ...c,
      qualifies,
      reasons: earlier === undefined ? reasons : [`The same incident as complaint ${earlier + 1}: counted once.`],
      ...(earlier === undefined ? {} : { sameIncidentAs: earlier }),
    };
  });
}

export function checkThreshold(complaints: Complaint[], rule: CaseReviewThreshold, appliedOn: string): ThresholdCheck {
  const assessed = assess(complaints, rule, appliedOn);
  const qualifying = assessed.filter((c) => c.qualifies);
  const counted = qualifying.filter((c) => c.sameIncidentAs === undefined).length;
  const result = (metBy?: ThresholdCheck['metBy']): ThresholdCheck => ({
    met: metBy !== undefined,
    ...(metBy ? { metBy } : {}),
    counted,
    complaints: assessed,
  });
  if (counted >= rule.complaints) return result('complaints');
  if (rule.hateIncidentMeets && qualifying.some((c) => c.hate)) return result('hate-incident');
  if (rule.samePlace) {
    // Different people about one place: each person once, whatever the incident.
    const people = new Map<string, Set<string>>();
    for (const c of qualifying) if (c.place && c.by) people.set(c.place, (people.get(c.place) ?? new Set()).add(c.by));
    if ([...people.values()].some((p) => p.size >= rule.samePlace!.people)) return result('same-place');
  }
  return result();
}

/** The local threshold in a sentence, for the public page and the emails. */
export function describeThreshold(rule: CaseReviewThreshold): string[] {
  const words = (n: number) => ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);
  const lines = [
    `${words(rule.complaints)[0]!.toUpperCase()}${words(rule.complaints).slice(1)} or more complaints about the same problem in the last ${rule.windowDays} days, each made within ${rule.reportedWithinDays} days of what happened. One incident reported to several organisations counts once.`,
  ];
  if (rule.hateIncidentMeets)
    lines.push(`One complaint about a hate incident in that time, made within ${rule.reportedWithinDays} days of what happened.`);
  if (rule.samePlace)
    lines.push(`Complaints from ${words(rule.samePlace.people)} or more different people about the same place in that time.`);
  return lines;
}

/** What the portal knows of one report as a complaint: the report and each incident its resident added. */
export interface ReportAsComplaints {
  reference: string;
  type: 'asb' | 'hate-crime';
  createdAt: string;
  occurredAt?: string | undefined;
  relation?: CaseRelation | undefined;
  /** Hashed contact and place, the same for the same person and street (flags.ts). */
  by?: string | undefined;
  place?: string | undefined;
  incidents: readonly { at: string; occurredAt?: string | undefined }[];
}

/**
 * The complaints the portal itself holds about a case: each report (a duplicate's own
 * report is an incident already told, so it is left out) and each incident added to it, made
 * on the UK day it reached the partnership, about the day it happened (or, when the resident
 * gave no date because it is still going on, the day they told us).
 */
export function complaintsFromReports(reports: readonly ReportAsComplaints[]): Complaint[] {
  const day = (iso: string) => occurredDay(iso)!;
  return reports
    .flatMap((r) =>
      [...(r.relation === 'duplicate' ? [] : [{ at: r.createdAt, occurredAt: r.occurredAt }]), ...r.incidents].map((told) => ({
        reference: r.reference,
        madeOn: day(told.at),
        incidentOn: occurredDay(told.occurredAt) ?? day(told.at),
        to: 'portal',
        ...(r.by ? { by: r.by } : {}),
        ...(r.place ? { place: r.place } : {}),
        ...(r.type === 'hate-crime' ? { hate: true } : {}),
      })),
    )
    .sort((a, b) => a.madeOn.localeCompare(b.madeOn));
}
