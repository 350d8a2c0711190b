/**
 * Every HTTP route and the function that serves it: the CDK stack creates one Lambda
 * and one API route per entry, and the local server dispatches with the same table.
 */
export interface HttpRoute {
  id: string;
  method: 'GET' | 'POST' | 'ANY';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  path: string;
  /** Entry file (relative to the repository root) exporting `handler`. */
  entry: string;
  /** Needs the reports table: submit writes reports; officer reads reports and appends audit items. */
  table?: 'read-write' | 'read-audit';
  /** Needs officer sign-in (Cognito issuer and client id in its environment). */
  officer?: boolean;
}

export const httpRoutes: HttpRoute[] = [
  { id: 'submit-report', method: 'ANY', path: '/api/reports', entry: 'functions/submit-report/handler.ts', table: 'read-write' },
  { id: 'report-confirmation', method: 'GET', path: '/api/reports/{reference}/confirmation', entry: 'functions/report-confirmation/handler.ts' },
  { id: 'openapi', method: 'GET', path: '/api/openapi.json', entry: 'functions/openapi/handler.ts' },
  { id: 'officer-report', method: 'GET', path: '/api/officer/reports/{reference}', entry: 'functions/officer-report/handler.ts', table: 'read-audit', officer: true },
];

/** Functions not behind HTTP: the stream router and the scheduled sweeper. */
export const backgroundFunctions = {
  routeReport: { id: 'route-report', entry: 'functions/route-report/handler.ts' },
  sweepOutbox: { id: 'sweep-outbox', entry: 'functions/sweep-outbox/handler.ts' },
} as const;

/** Each route's path as a pattern, built once: `{name}` captures one path segment. */
const compiled = httpRoutes.map((route) => {
  const names: string[] = [];
  const pattern = new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)'))}/?$`);
  return { route, names, pattern };
});

/** Matches a request path to a route, returning its path parameters. */
export function matchRoute(method: string, path: string): { route: HttpRoute; pathParameters: Record<string, string> } | { route: undefined; methodMismatch: boolean } {
  let methodMismatch = false;
  for (const { route, names, pattern } of compiled) {
    const match = pattern.exec(path);
    if (!match) continue;
    if (route.method !== 'ANY' && route.method !== method && !(route.method === 'GET' && method === 'HEAD')) {
      methodMismatch = true;
      continue;
    }
    return { route, pathParameters: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) };
  }
  return { route: undefined, methodMismatch };
}
