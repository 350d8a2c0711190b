/**
 * Where each officer API operation lives and who may call it. The operation table
 * (api-operations.ts) takes these for its officer entries, and the officer function
 * dispatches by them; kept apart so the function does not load every schema of the API
 * to route a request (cold start).
 */
/** Who may call: anyone signed in to a portal group, officers and admins, or admins only. */
export type Role = 'any' | 'officer' | 'admin';

export const officerRoutes = {
  listInbox: { method: 'GET', path: '/api/officer/reports', role: 'any' },
  countInbox: { method: 'GET', path: '/api/officer/report-counts', role: 'any' },
  getCase: { method: 'GET', path: '/api/officer/reports/{reference}', role: 'any' },
  openEvidence: { method: 'GET', path: '/api/officer/reports/{reference}/evidence/{id}', role: 'any' },
  caseAction: { method: 'POST', path: '/api/officer/reports/{reference}/actions', role: 'any' },
  exportReports: { method: 'GET', path: '/api/officer/exports/reports', role: 'any' },
  tasking: { method: 'GET', path: '/api/officer/tasking', role: 'officer' },
  listPartners: { method: 'GET', path: '/api/officer/partners', role: 'officer' },
  updatePartner: { method: 'PUT', path: '/api/officer/partners/{id}', role: 'admin' },
  exportAudit: { method: 'GET', path: '/api/officer/audit', role: 'admin' },
  listPolls: { method: 'GET', path: '/api/officer/polls', role: 'officer' },
  createPoll: { method: 'POST', path: '/api/officer/polls', role: 'officer' },
  getPoll: { method: 'GET', path: '/api/officer/polls/{id}', role: 'officer' },
  updatePoll: { method: 'POST', path: '/api/officer/polls/{id}', role: 'officer' },
  schedulePoll: { method: 'POST', path: '/api/officer/polls/{id}/schedule', role: 'officer' },
  previewPoll: { method: 'GET', path: '/api/officer/polls/{id}/preview', role: 'officer' },
  respondToPoll: { method: 'POST', path: '/api/officer/polls/{id}/response', role: 'officer' },
  pollTallies: { method: 'GET', path: '/api/officer/polls/{id}/tallies', role: 'officer' },
  recordTally: { method: 'POST', path: '/api/officer/polls/{id}/tallies', role: 'officer' },
  addPollEvent: { method: 'POST', path: '/api/officer/polls/{id}/events', role: 'officer' },
  ballotBursts: { method: 'GET', path: '/api/officer/polls/{id}/bursts', role: 'officer' },
  listCaseReviews: { method: 'GET', path: '/api/officer/case-reviews', role: 'any' },
  getCaseReview: { method: 'GET', path: '/api/officer/case-reviews/{reference}', role: 'any' },
  caseReviewAction: { method: 'POST', path: '/api/officer/case-reviews/{reference}/actions', role: 'any' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT'; path: string; role: Role }>;

export type OfficerOperationId = keyof typeof officerRoutes;

/** An operation's address: its path parameters filled in (each encoded), then the query. */
export function officerPath(id: OfficerOperationId, params: Record<string, string> = {}, query?: URLSearchParams): string {
  const path = officerRoutes[id].path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = query?.toString();
  return search ? `${path}?${search}` : path;
}
