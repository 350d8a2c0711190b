/**
 * The officer workflow's words: statuses, outcomes and risk grades, with the labels
 * officers see. The API's contracts and the workflow rules (shared/domain/workflow.ts)
 * both use them.
 */
export const STATUSES = ['new', 'triaged', 'assigned', 'in-progress', 'closed'] as const;

export const OUTCOMES = ['resolved', 'no-further-action', 'referred', 'duplicate'] as const;

export const RISKS = ['standard', 'medium', 'high'] as const;

export type Status = (typeof STATUSES)[number];

export type Outcome = (typeof OUTCOMES)[number];

export type Risk = (typeof RISKS)[number];

export const STATUS_LABELS: Record<Status, string> = {
  new: 'New',
  triaged: 'Triaged',
  assigned: 'Assigned',
  'in-progress': 'In progress',
  closed: 'Closed',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved: 'Resolved',
  'no-further-action': 'No further action',
  referred: 'Referred',
  duplicate: 'Duplicate',
};

export const RISK_LABELS: Record<Risk, string> = { standard: 'Standard', medium: 'Medium', high: 'High' };

/** Flags officers must not miss (shared/domain/flags.ts raises them). */
export const FLAGS = ['repeat-victim', 'case-review'] as const;
export type Flag = (typeof FLAGS)[number];
export const FLAG_LABELS: Record<Flag, string> = { 'repeat-victim': 'Repeat victim', 'case-review': 'ASB Case Review eligible' };

/**
 * How an officer says two reports belong together in one case: the same problem (several
 * incidents, perhaps several reporters), the same victim (different problems that add up),
 * or a duplicate (the same incident reported again, by someone else or through another
 * agency: counted once).
 */
export const CASE_RELATIONS = ['same-problem', 'same-victim', 'duplicate'] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];
export const CASE_RELATION_LABELS: Record<CaseRelation, string> = {
  'same-problem': 'The same problem',
  'same-victim': 'The same victim',
  duplicate: 'A duplicate: the same incident reported again',
};
