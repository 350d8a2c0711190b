/**
 * Plain-English names for the ids the API uses, from the shared vocabularies and a
 * partnership's profile: one copy for the workspace pages and the CSV exports, so a file
 * says what the screen says.
 */
import type { PublicProfile } from '../config/public-profile';
import { ASB_CATEGORY_LABELS, HATE_MOTIVATION_LABELS, REPORT_TYPE_LABELS } from '../contracts/report-vocabulary';
import { CASE_RELATION_LABELS, FLAG_LABELS, OUTCOME_LABELS, RISK_LABELS, STATUS_LABELS } from '../contracts/workflow-vocabulary';

const from = (map: Record<string, string>) => (id: string) => map[id] ?? id;

/** `partnerNames` overrides the profile's names (the partner directory may have renamed one). */
export function labelsFor(profile: PublicProfile, partnerNames?: ReadonlyMap<string, string>) {
  return {
    type: from(REPORT_TYPE_LABELS),
    category: (id: string) => ASB_CATEGORY_LABELS[id as keyof typeof ASB_CATEGORY_LABELS]?.label ?? id,
    motivation: from(HATE_MOTIVATION_LABELS),
    status: from(STATUS_LABELS),
    risk: from(RISK_LABELS),
    outcome: from(OUTCOME_LABELS),
    flag: from(FLAG_LABELS),
    relation: from(CASE_RELATION_LABELS),
    area: from(Object.fromEntries(profile.areas.map((a) => [a.id, a.name]))),
    partner: from({ ...Object.fromEntries(profile.partners.map((p) => [p.id, p.name])), ...Object.fromEntries(partnerNames ?? []) }),
  };
}
