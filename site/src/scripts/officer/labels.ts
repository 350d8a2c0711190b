/** Plain-English labels for ids the API returns, from the shared vocabularies and profile. */
import { bundledProfile } from '../../../../shared/config/bundled-profile';
import { ASB_CATEGORY_LABELS, HATE_MOTIVATION_LABELS, REPORT_TYPE_LABELS } from '../../../../shared/contracts/report-vocabulary';
import { FLAG_LABELS } from '../../../../shared/domain/flags';
import { OUTCOME_LABELS, RISK_LABELS, STATUS_LABELS } from '../../../../shared/domain/workflow';

const profile = bundledProfile;
const from = (map: Record<string, string>) => (id: string) => map[id] ?? id;

export const labels = {
  type: from(REPORT_TYPE_LABELS),
  category: (id: string) => ASB_CATEGORY_LABELS[id as keyof typeof ASB_CATEGORY_LABELS]?.label ?? id,
  motivation: from(HATE_MOTIVATION_LABELS),
  status: from(STATUS_LABELS),
  risk: from(RISK_LABELS),
  outcome: from(OUTCOME_LABELS),
  flag: from(FLAG_LABELS),
  area: from(Object.fromEntries(profile.areas.map((a) => [a.id, a.name]))),
  partner: from(Object.fromEntries(profile.partners.map((p) => [p.id, p.name]))),
};
