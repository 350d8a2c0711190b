/**
 * GET /api/officer/reports (the inbox) and GET /api/officer/report-counts. Filters are
 * query parameters validated by the shared schema; partner users only ever query their
 * own partner's listing, whatever they ask for.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { inboxQuerySchema, type InboxQuery } from '../../shared/contracts/officer';
import { toFieldErrors, type FieldError } from '../../shared/contracts/field-errors';
import { isOverdue } from '../../shared/domain/workflow';
import type { InboxScope } from '../reports/inbox';
import type { CaseSummary } from '../reports/records';
import { caseFigures } from '../../shared/domain/cases';
import { json, type HttpResult } from '../adapters/http/responses';
import { DEFAULT_PAGE_SIZE } from '../reports/inbox';
import type { Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';

export function scopeOf(officer: Officer): InboxScope {
  return officer.access.kind === 'partner' ? { kind: 'partner', partnerId: officer.access.partnerId } : { kind: 'all' };
}

/** Parses and checks the filters, including ids that must exist in the profile. */
export function parseInboxQuery(
  deps: OfficerDependencies,
  event: APIGatewayProxyEventV2,
): { ok: true; query: InboxQuery } | { ok: false; response: HttpResult } {
  const params = Object.fromEntries(Object.entries(event.queryStringParameters ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = inboxQuerySchema.safeParse(params);
  const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error);
  if (parsed.success) {
    const q = parsed.data;
    if (q.area && !deps.profile.areas.some((a) => a.id === q.area)) errors.push({ path: 'area', message: 'Choose an area from the list' });
    if (q.partner && !deps.profile.partners.some((p) => p.id === q.partner))
      errors.push({ path: 'partner', message: 'Choose a partner from the list' });
    if (q.from && q.to && q.from > q.to) errors.push({ path: 'to', message: 'The "to" date must be the same as or after the "from" date' });
  }
  if (!parsed.success || errors.length) return { ok: false, response: json(400, { message: 'Check the filters', errors }) };
  return { ok: true, query: parsed.data };
}

export async function listInbox(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const parsed = parseInboxQuery(deps, event);
  if (!parsed.ok) return parsed.response;
  const { cursor, limit, ...filters } = parsed.query;
  const now = deps.now();
  const page = await deps.cases.listInbox(scopeOf(officer), filters, limit ? Number(limit) : DEFAULT_PAGE_SIZE, cursor, now);
  if (page === 'bad-cursor')
    return json(400, {
      message: 'That page link is no longer valid for these filters. Start again from the first page.',
      errors: [{ path: 'cursor', message: 'Start again from the first page' }],
    });
  const cases = await caseFiguresFor(deps, page.items);
  return json(200, {
    items: page.items.map((item) => ({
      ...item,
      overdue: isOverdue(item, now),
      ...(item.caseId && cases.has(item.caseId) ? { case: cases.get(item.caseId) } : {}),
    })),
    cursor: page.cursor,
  });
}

/**
 * Each case on the page with its figures (reports, incidents, the latest), counted from its
 * reports' inbox summaries (no personal data): two batch reads for the page, none when no
 * row is in a case. Only the officers' listing names cases, so partner users' pages never get here.
 */
async function caseFiguresFor(deps: OfficerDependencies, items: CaseSummary[]) {
  const ids = [...new Set(items.flatMap((i) => (i.caseId ? [i.caseId] : [])))];
  const figures = new Map<string, ReturnType<typeof caseFigures>>();
  if (!ids.length) return figures;
  const files = await deps.cases.getCaseFiles(ids);
  const reports = await deps.cases.summariesOf([...files.values()].flatMap((f) => f.members.map((m) => m.reference)));
  for (const file of files.values())
    figures.set(
      file.caseId,
      caseFigures(
        file.members.flatMap((m) => {
          const r = reports.get(m.reference);
          return r ? [{ ...r, relation: m.relation }] : [];
        }),
      ),
    );
  return figures;
}

export async function countInbox(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const parsed = parseInboxQuery(deps, event);
  if (!parsed.ok) return parsed.response;
  const scope = scopeOf(officer);
  const [counts, unread] = await Promise.all([
    deps.cases.countByStatus(scope, { from: parsed.query.from, to: parsed.query.to }),
    // Partner users are not told of messages they cannot read.
    scope.kind === 'all' ? deps.cases.countUnread() : undefined,
  ]);
  return json(200, { counts, ...(unread === undefined ? {} : { unreadMessages: unread }) });
}
