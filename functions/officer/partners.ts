/**
 * Admins' partner directory: GET /api/officer/partners (addresses, rules and the change
 * history) and PUT /api/officer/partners/{id} (a version-checked change, kept with who
 * and when). Officers may read the list, to choose whom to assign.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { partnerUpdateSchema } from '../../shared/contracts/officer';
import { readJsonBody } from '../adapters/http/request-body';
import { json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import type { Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';

export async function listPartners(deps: OfficerDependencies, officer: Officer): Promise<HttpResult> {
  const partners = (await deps.partners.list()).sort((a, b) => a.name.localeCompare(b.name));
  if (!officer.isAdmin) return json(200, { partners: partners.map(({ id, name, dataLevel }) => ({ id, name, dataLevel })) });
  return json(200, { partners, history: await deps.partners.history() });
}

export async function updatePartner(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const read = readJsonBody(event, partnerUpdateSchema, { what: 'the change', check: 'Check the partner details' });
  if (!read.ok) return read.response;
  const { version, ...change } = read.value;
  const areas = change.handles.areas;
  if (areas !== '*') {
    const unknown = areas.filter((a) => !deps.profile.areas.some((known) => known.id === a));
    if (unknown.length)
      return json(400, {
        message: 'Choose areas from the list',
        errors: [{ path: 'handles.areas', message: `Unknown area: ${unknown.join(', ')}` }],
      });
  }
  const id = event.pathParameters?.id ?? '';
  const result = await deps.partners.update({ id, ...change }, version, {
    username: officer.identity.username,
    at: deps.now().toISOString(),
  });
  if (result === 'not-found') return jsonMessage(404, 'No partner with that id');
  if (result === 'stale')
    return jsonMessage(409, 'Someone else changed this partner since you opened it. Reload to see their change, then try again.');
  return json(200, { message: 'Partner saved. New reports use it within a minute.', version: version + 1 });
}
