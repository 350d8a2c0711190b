/**
 * Flags officers must not miss: a **repeat victim** (the same contact, or the
 * same street in the same area, with N or more reports in M months) and **ASB Case Review
 * eligible** (N or more ASB reports from the same reporter within M months, the ASB, Crime
 * and Policing Act 2014 threshold; never anonymous). Thresholds come from the profile.
 */
import type { FlagThresholds } from '../config/profile-schema';
import type { Report } from '../contracts/report';

import type { Flag } from '../contracts/workflow-vocabulary';

export type { Flag };

/** What the matching needs to know of an earlier (or this) report. */
export interface FlagCandidate {
  reference: string;
  createdAt: string;
  type: Report['type'];
  /** The incident it tells of, within a linked case (shared/domain/cases.ts: countOnce). */
  incident?: string | undefined;
}

/** The text matched for "same contact": the email address, or else the phone digits. */
export function contactIdentity(report: Report): string | undefined {
  const contact = report.contact;
  if (report.anonymous || !contact) return undefined;
  if (contact.email) return `email:${contact.email.trim().toLowerCase()}`;
  if (contact.phone) return `phone:${contact.phone.replace(/\D/g, '').replace(/^44/, '0')}`;
  return undefined;
}

/** The text matched for "same street and area", or undefined without a street. */
export function placeIdentity(report: Report): string | undefined {
  const street = report.location.street
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return street ? `${report.location.area}|${street}` : undefined;
}

/** `iso` minus whole calendar months, clamped to the month's end (31 May − 3 months = 28 Feb). */
export function monthsBefore(iso: string, months: number): string {
  const at = new Date(iso);
  const target = new Date(
    Date.UTC(
      at.getUTCFullYear(),
      at.getUTCMonth() - months,
      1,
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return target.toISOString();
}

const within = (candidates: FlagCandidate[], at: string, months: number) => {
  const from = monthsBefore(at, months);
  return candidates.filter((c) => c.createdAt >= from && c.createdAt <= at);
};

/**
 * Flags for the report received at `at`, given every report (itself included) with the
 * same contact and with the same place. Returns each flag with the reports that made it,
 * so those earlier reports can carry the flag too.
 */
export function flagsFor(
  at: string,
  sameContact: FlagCandidate[],
  samePlace: FlagCandidate[],
  thresholds: FlagThresholds,
): Map<Flag, FlagCandidate[]> {
  const result = new Map<Flag, FlagCandidate[]>();
  const rv = thresholds.repeatVictim;
  const byContact = within(sameContact, at, rv.months);
  const byPlace = within(samePlace, at, rv.months);
  const repeat = byContact.length >= rv.reports ? byContact : byPlace.length >= rv.reports ? byPlace : undefined;
  if (repeat) result.set('repeat-victim', repeat);
  const cr = thresholds.caseReview;
  const asb = within(sameContact, at, cr.months).filter((c) => c.type === 'asb');
  if (asb.length >= cr.reports) result.set('case-review', asb);
  return result;
}
