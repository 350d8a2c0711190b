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
  return json(200, { items: page.items.map((item) => ({ ...item, overdue: isOverdue(item, now) })), cursor: page.cursor });
}

export async function countInbox(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const parsed = parseInboxQuery(deps, event);
  if (!parsed.ok) return parsed.response;
  const counts = await deps.cases.countByStatus(scopeOf(officer), { from: parsed.query.from, to: parsed.query.to });
  return json(200, { counts });
}
