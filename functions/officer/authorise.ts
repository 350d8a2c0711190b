/**
 * Sign-in and role checks for every `/api/officer/*` request: 401 without a valid access
 * token, 403 for a user in no portal group or without the role an endpoint needs.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { OfficerIdentity } from './ports';
import type { AuditEntry } from '../reports/ports';
import { jsonMessage, type HttpResult } from '../adapters/http/responses';
import { accessFor, type Access } from './access';
import type { OfficerDependencies } from './dependencies';
import type { Role } from '../../shared/contracts/officer-routes';

export interface Officer {
  identity: OfficerIdentity;
  access: Access;
  isAdmin: boolean;
}

export async function authorise(
  deps: OfficerDependencies,
  event: APIGatewayProxyEventV2,
  role: Role,
): Promise<{ ok: true; officer: Officer } | { ok: false; response: HttpResult }> {
  const auth = await deps.verifier.verify(event.headers.authorization);
  if (!auth.ok) return { ok: false, response: jsonMessage(401, auth.reason, { 'WWW-Authenticate': 'Bearer' }) };
  const access = accessFor(auth.identity.groups, deps.profile);
  if (access.kind === 'none')
    return {
      ok: false,
      response: jsonMessage(403, 'Your account is not in a group that can see reports. Ask an administrator to add you.'),
    };
  const isAdmin = auth.identity.groups.includes('admin');
  if (role === 'admin' && !isAdmin) return { ok: false, response: jsonMessage(403, 'Only administrators can do this.') };
  if (role === 'officer' && access.kind !== 'all')
    return { ok: false, response: jsonMessage(403, 'Only partnership officers can do this.') };
  return { ok: true, officer: { identity: auth.identity, access, isAdmin } };
}

/** One audit entry of what this officer did to a report or an application, kept as long as it is kept. */
export function auditEntry(
  officer: Officer,
  subject: { reference: string; expiresAt: number },
  action: AuditEntry['action'],
  at: string,
  summary?: string,
): AuditEntry {
  return {
    reference: subject.reference,
    userId: officer.identity.userId,
    username: officer.identity.username,
    groups: officer.identity.groups,
    action,
    ...(summary ? { summary } : {}),
    at,
    expiresAt: subject.expiresAt,
  };
}
