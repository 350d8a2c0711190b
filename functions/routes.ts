/**
 * Every HTTP route and the function that serves it: the CDK stack creates one Lambda
 * and one API route per entry, and the local server dispatches with the same table.
 */
import { compilePath } from '../shared/contracts/path-pattern';

/** The officer API's functions, by the method they serve. */
const OFFICER_FUNCTIONS = { GET: 'officer-read', POST: 'officer-write', PUT: 'officer-admin' } as const;

export interface HttpRoute {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'ANY';
  /** API Gateway path syntax: `{name}` is a path parameter, `{name+}` the rest of the path. */
  path: string;
  /** Entry file (relative to the repository root) exporting `handler`. */
  entry: string;
  /**
   * What it does with the reports table: submit writes reports; status reads them and
   * counts rate limits; resident does the same through a private link (reading the key
   * that signs it) and adds the resident's incidents with their emails; the officer functions read (and audit the reading), change cases,
   * or change partners; receipt reads (or first makes) the key that signs confirmation
   * receipts, and nothing else; evidence reads a report, its files' records and the key that
   * signs upload tokens; case-review stores Case Review applications (reading, through
   * a private link, the reports and case it came from); review-statistics only queries them.
   */
  table?:
    | 'submit'
    | 'status'
    | 'resident'
    | 'officer-read'
    | 'officer-write'
    | 'officer-admin'
    | 'receipt'
    | 'case-review'
    | 'review-statistics'
    | 'evidence';
  /** Needs officer sign-in (Cognito issuer and client id in its environment). */
  officer?: boolean;
  /**
   * What it does with the polls table: vote casts ballots (and makes the cookie key
   * once); read reads ballots, counters and tallies; officer-read also reviews ballot
   * bursts; officer-write appends event tallies.
   */
  polls?: 'vote' | 'read' | 'officer-read' | 'officer-write';
  /** What it does with residents' files: upload signs browser uploads to the quarantine bucket. */
  evidence?: 'upload';
  /**
   * A page of the site, not of the API: served from the site's own paths (CloudFront sends
   * them to the API, and keeps each answer as briefly as its Cache-Control says).
   */
  page?: true;
}

export const httpRoutes: HttpRoute[] = [
  { id: 'submit-report', method: 'ANY', path: '/api/reports', entry: 'functions/submit-report/handler.ts', table: 'submit' },
  {
    id: 'report-confirmation',
    method: 'GET',
    path: '/api/reports/{reference}/confirmation',
    entry: 'functions/report-confirmation/handler.ts',
    table: 'receipt',
  },
  {
    id: 'private-report',
    method: 'ANY',
    path: '/api/reports/{reference}/private/{key}',
    entry: 'functions/private-report/handler.ts',
    table: 'resident',
  },
  {
    id: 'resident-message',
    method: 'POST',
    path: '/api/reports/{reference}/private/{key}/messages',
    entry: 'functions/private-report/handler.ts',
    table: 'resident',
  },
  {
    id: 'case-review-apply',
    method: 'ANY',
    path: '/api/case-reviews',
    entry: 'functions/case-review-apply/handler.ts',
    table: 'case-review',
  },
  {
    id: 'case-review-from-report',
    method: 'ANY',
    path: '/api/reports/{reference}/private/{key}/case-review',
    entry: 'functions/case-review-apply/handler.ts',
    table: 'case-review',
  },
  {
    id: 'case-review-statistics',
    method: 'GET',
    path: '/api/case-reviews/statistics',
    entry: 'functions/case-review-statistics/handler.ts',
    table: 'review-statistics',
  },
  // Adding files to a report: the page (and its state, as JSON for its script), and one more upload for the script.
  {
    id: 'evidence-page',
    method: 'GET',
    path: '/api/reports/{reference}/evidence',
    entry: 'functions/evidence-page/handler.ts',
    table: 'evidence',
    evidence: 'upload',
  },
  {
    id: 'evidence-grants',
    method: 'POST',
    path: '/api/reports/{reference}/evidence/grants',
    entry: 'functions/evidence-page/handler.ts',
    table: 'evidence',
    evidence: 'upload',
  },
  { id: 'openapi', method: 'GET', path: '/api/openapi.json', entry: 'functions/openapi/handler.ts' },
  { id: 'report-status', method: 'ANY', path: '/api/report-status', entry: 'functions/report-status/handler.ts', table: 'status' },
  { id: 'sign-in-config', method: 'GET', path: '/api/sign-in-config', entry: 'functions/sign-in-config/handler.ts', officer: true },
  // The workspace API, one function per kind of request, so each has only the IAM it
  // needs: GET reads (lists, cases, exports, tallies, the audit trail; reads of personal
  // data append audit items), POST changes a case or records a tally, PUT changes a
  // partner (admins). The same code serves all three; the gateway routes by method.
  ...(['GET', 'POST', 'PUT'] as const).map(
    (method): HttpRoute => ({
      id: OFFICER_FUNCTIONS[method],
      method,
      path: '/api/officer/{proxy+}',
      entry: 'functions/officer/handler.ts',
      table: OFFICER_FUNCTIONS[method],
      officer: true,
      ...(method === 'PUT' ? {} : { polls: OFFICER_FUNCTIONS[method] as 'officer-read' | 'officer-write' }),
    }),
  ),
  { id: 'poll-start', method: 'ANY', path: '/api/polls/{id}/start', entry: 'functions/poll-start/handler.ts', polls: 'vote' },
  { id: 'cast-ballot', method: 'ANY', path: '/api/polls/{id}/ballots', entry: 'functions/cast-ballot/handler.ts', polls: 'vote' },
  { id: 'poll-pages', method: 'GET', path: '/api/polls/{id}/{view}', entry: 'functions/poll-pages/handler.ts', polls: 'read' },
  // The resident poll pages, rendered from the polls table: a poll an officer publishes needs no rebuild.
  { id: 'poll-list-page', method: 'GET', path: '/polls', entry: 'functions/poll-pages/handler.ts', polls: 'read', page: true },
  { id: 'poll-start-page', method: 'GET', path: '/polls/{id}', entry: 'functions/poll-pages/handler.ts', polls: 'read', page: true },
  { id: 'poll-vote-page', method: 'GET', path: '/polls/{id}/vote', entry: 'functions/poll-pages/handler.ts', polls: 'read', page: true },
];

/** Functions not behind HTTP: the stream router, the schedules, and the malware scan's results. */
export const backgroundFunctions = {
  routeReport: { id: 'route-report', entry: 'functions/route-report/handler.ts' },
  sweepOutbox: { id: 'sweep-outbox', entry: 'functions/sweep-outbox/handler.ts' },
  closePolls: { id: 'close-polls', entry: 'functions/close-polls/handler.ts' },
  importPolls: { id: 'import-polls', entry: 'functions/import-polls/handler.ts' },
  refreshSiteRegions: { id: 'refresh-site-regions', entry: 'functions/refresh-site-regions/handler.ts' },
  deliveryFeedback: { id: 'delivery-feedback', entry: 'functions/delivery-feedback/handler.ts' },
  processEvidence: { id: 'process-evidence', entry: 'functions/process-evidence/handler.ts' },
} as const;

/** Each route's path as a pattern, built once: `{name}` captures one path segment. */
const compiled = httpRoutes.map((route) => ({ route, ...compilePath(route.path) }));

export type RouteMatch =
  | { route: HttpRoute; pathParameters: Record<string, string> }
  /** No route: `allowed` lists the methods the path takes (empty when no route has the path). */
  | { route: undefined; allowed: string[]; malformed?: false }
  /** A path parameter is not valid percent-encoding (`%E0%A4%A`): the request is bad, not missing. */
  | { route: undefined; allowed: string[]; malformed: true };

/** Matches a request path to a route, returning its decoded path parameters. */
export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const { route, names, pattern } of compiled) {
    const match = pattern.exec(path);
    if (!match) continue;
    if (route.method !== 'ANY' && route.method !== method && !(route.method === 'GET' && method === 'HEAD')) {
      allowed.push(...(route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]));
      continue;
    }
    const pathParameters: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      const value = decodePathSegment(match[i + 1]!);
      if (value === undefined) return { route: undefined, allowed: [], malformed: true };
      pathParameters[name] = value;
    }
    return { route, pathParameters };
  }
  return { route: undefined, allowed };
}

/** A percent-decoded path segment, or undefined when its encoding is broken (never a throw). */
export function decodePathSegment(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
