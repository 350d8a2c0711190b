/**
 * GET /api/officer/tasking?from&to: counts for a SARA scanning meeting, against the
 * period of the same length just before. Reads the inbox-all index by date range.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { londonDayStart } from '../../shared/contracts/london-time';
import { summariseTasking } from '../../shared/domain/tasking';
import { json, type HttpResult } from '../adapters/http/responses';
import type { Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';
import { parseRange } from './exports';

export async function tasking(deps: OfficerDependencies, _officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const range = parseRange(event, deps.now(), 28, 366);
  if (!range.ok) return range.response;
  const [current, previous] = await Promise.all([
    deps.cases.summariesBetween(londonDayStart(range.from), londonDayStart(range.to, 1)),
    deps.cases.summariesBetween(londonDayStart(range.from, -range.days), londonDayStart(range.from)),
  ]);
  const previousTo = new Date(Date.parse(`${range.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const previousFrom = new Date(Date.parse(`${range.from}T00:00:00Z`) - range.days * 86_400_000).toISOString().slice(0, 10);
  return json(200, {
    from: range.from,
    to: range.to,
    previous: { from: previousFrom, to: previousTo },
    ...summariseTasking(current, previous),
  });
}
