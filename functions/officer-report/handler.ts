/**
 * GET /api/officer/reports/{reference}: one report for a signed-in officer or partner
 * user. 401 without a valid access token, 403 for a user in no portal group, 404 for a
 * report that does not exist or is outside a partner user's scope (so its existence is
 * not revealed). Every read is audited before the data is returned.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Profile } from '../../shared/config/profile-schema';
import { parseReference } from '../../shared/domain/reference';
import { minimiseForPartner } from '../../shared/domain/minimise';
import { createAuditLog, type AuditLog } from '../adapters/dynamodb/audit-log';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createReportStore, type ReportStore } from '../adapters/dynamodb/report-store';
import { officerTokenVerifier } from '../adapters/auth/officer-verifier';
import type { TokenVerifier } from '../adapters/auth/token-verifier';
import { httpHandler } from '../adapters/http/middleware';
import { json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import { config } from '../config';
import { accessFor, dataLevelFor } from './access';

export interface OfficerReportDependencies {
  verifier: TokenVerifier;
  store: ReportStore;
  audit: AuditLog;
  profile: Profile;
  now: () => Date;
}

export async function handleOfficerReport(deps: OfficerReportDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const auth = await deps.verifier.verify(event.headers.authorization);
  if (!auth.ok) return jsonMessage(401, auth.reason, { 'WWW-Authenticate': 'Bearer' });
  const access = accessFor(auth.identity.groups, deps.profile);
  if (access.kind === 'none') return jsonMessage(403, 'Your account is not in a group that can see reports. Ask an administrator to add you.');

  const notFound = () => jsonMessage(404, 'No report with that reference, or not one you can see');
  const reference = parseReference(event.pathParameters?.reference ?? '');
  if (!reference) return notFound();
  const stored = await deps.store.get(reference);
  const level = stored && dataLevelFor(access, stored);
  if (!stored || !level) return notFound();

  // Audit first: if the trail cannot be written, the data is not shown.
  await deps.audit.append({ reference, userId: auth.identity.userId, groups: auth.identity.groups, action: 'read-report', at: deps.now().toISOString(), expiresAt: stored.expiresAt });
  const report = level === 'full' ? stored.report : minimiseForPartner(stored.report, level);
  return json(200, { reference, status: stored.status, createdAt: stored.createdAt, dataLevel: level, report, routes: stored.routes, deliveries: access.kind === 'all' ? stored.deliveries : undefined });
}

let runtime: OfficerReportDependencies | undefined;

export async function runtimeDependencies(): Promise<OfficerReportDependencies> {
  runtime ??= {
    verifier: await officerTokenVerifier(),
    store: createReportStore(dynamoDbClient(), config().TABLE_NAME),
    audit: createAuditLog(dynamoDbClient(), config().TABLE_NAME),
    profile: bundledProfile,
    now: () => new Date(),
  };
  return runtime;
}

export const handler = httpHandler(async (event) => handleOfficerReport(await runtimeDependencies(), event), bundledProfile.name);
