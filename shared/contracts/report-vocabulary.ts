/**
 * The fixed vocabularies of a report, with the plain-English labels residents see.
 * ASB categories follow the police national standard; hate motivations are the five
 * monitored strands plus "other".
 */
export const REPORT_TYPES = ['asb', 'hate-crime'] as const;
export const ASB_CATEGORIES = ['personal', 'nuisance', 'environmental'] as const;
export const HATE_MOTIVATIONS = ['race', 'religion', 'sexual-orientation', 'disability', 'transgender-identity', 'other'] as const;
export const REPORTER_ROLES = ['victim', 'witness', 'third-party'] as const;

export type ReportType = (typeof REPORT_TYPES)[number];
export type AsbCategory = (typeof ASB_CATEGORIES)[number];
export type HateMotivation = (typeof HATE_MOTIVATIONS)[number];
export type ReporterRole = (typeof REPORTER_ROLES)[number];

export const REPORT_TYPE_LABELS: Record<ReportType, string> = {
  asb: 'Anti-social behaviour',
  'hate-crime': 'Hate crime or hate incident',
};

export const ASB_CATEGORY_LABELS: Record<AsbCategory, { label: string; hint: string }> = {
  personal: { label: 'Aimed at a person or group', hint: 'For example threats, harassment or intimidation' },
  nuisance: { label: 'A nuisance to the community', hint: 'For example noise, rowdy groups or misuse of vehicles' },
  environmental: { label: 'Damage to public spaces', hint: 'For example litter, graffiti, fly-tipping or vandalism' },
};

export const HATE_MOTIVATION_LABELS: Record<HateMotivation, string> = {
  race: 'Race or ethnicity',
  religion: 'Religion or belief',
  'sexual-orientation': 'Sexual orientation',
  disability: 'Disability',
  'transgender-identity': 'Transgender identity',
  other: 'Something else',
};

export const REPORTER_ROLE_LABELS: Record<ReporterRole, string> = {
  victim: 'It happened to me',
  witness: 'I saw it happen',
  'third-party': 'I am reporting for someone else',
};
