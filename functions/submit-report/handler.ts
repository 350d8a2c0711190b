/**
 * POST /api/reports: a thin HTTP shell around the submitReport use case. JSON clients
 * get 201 with the reference; browser forms get 303 to the confirmation page, or the
 * form again with every problem listed and their answers kept.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { defaultProfile } from '../../shared/config/load-profile';
import { decodeReportForm } from '../../shared/contracts/report-form';
import { newReference } from '../../shared/domain/reference';
import { renderPage } from '../../shared/ui/layout';
import { renderReportForm, REPORT_FORM_TITLE } from '../../shared/ui/report-form';
import { messageBody } from '../../shared/ui/result-pages';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { httpHandler } from '../adapters/http/middleware';
import { readBody } from '../adapters/http/request-body';
import { html, json, jsonMessage, seeOther, type HttpResult } from '../adapters/http/responses';
import { config } from '../config';
import { submitReport, type SubmitDependencies } from './submit-report';
import type { FormValues } from '../../shared/ui/form-components';

export async function handleSubmit(deps: SubmitDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const method = event.requestContext.http.method;
  if (method !== 'POST') return jsonMessage(405, 'Use POST to send a report', { Allow: 'POST' });

  const body = readBody(event);
  const page = (status: number, title: string, inner: string) => html(status, renderPage({ title, partnershipName: deps.profile.name, body: inner }));
  if (body.kind === 'error') {
    return body.form ? page(body.status, 'There is a problem with your report', messageBody('There is a problem with your report', [body.message])) : jsonMessage(body.status, body.message);
  }

  const decoded = body.kind === 'form' ? decodeReportForm(body.entries) : { value: body.value, errors: [] };
  const result = await submitReport(deps, {
    body: decoded.value,
    decodeErrors: decoded.errors,
    idempotencyKey: event.headers['idempotency-key'],
    senderFingerprint: `${event.requestContext.http.sourceIp}|${event.headers['user-agent'] ?? ''}`,
  });

  if (body.kind === 'form') {
    if (result.ok) return seeOther(`/api/reports/${result.reference}/confirmation`);
    const form = renderReportForm({ areas: deps.profile.areas, values: formValues(body.entries), errors: result.errors });
    return page(400, `Error: ${REPORT_FORM_TITLE}`, form);
  }
  if (!result.ok) return json(400, { errors: result.errors });
  return json(201, { reference: result.reference, status: 'received' }, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

function formValues(entries: [string, string][]): FormValues {
  const values: Record<string, string[]> = {};
  for (const [k, v] of entries) (values[k] ??= []).push(v);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
}

let runtime: SubmitDependencies | undefined;

/** Production wiring: DynamoDB, the bundled profile, real clock and randomness. */
export function runtimeDependencies(): SubmitDependencies {
  runtime ??= {
    store: createReportStore(dynamoDbClient(), config().TABLE_NAME),
    profile: defaultProfile(),
    now: () => new Date(),
    newReference: () => newReference(),
    hash: (value) => createHash('sha256').update(value).digest('hex'),
  };
  return runtime;
}

export const handler = httpHandler((event) => handleSubmit(runtimeDependencies(), event), defaultProfile().name);
