/**
 * POST /api/report-status: the resident's status check. A browser form gets an HTML
 * page (the form again with its problems, or the answer); JSON clients get JSON.
 * 429 with Retry-After when the limits are reached.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Profile } from '../../shared/config/profile-schema';
import { type ComponentChildren, h } from 'preact';
import { renderPage } from '../../shared/ui/layout';
import { formValuesFrom } from '../../shared/ui/form-components';
import { StatusForm, StatusResult, STATUS_CHECK_TITLE } from '../../shared/ui/status-check';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createRateLimiter } from '../adapters/dynamodb/rate-limiter';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { httpHandler } from '../adapters/http/middleware';
import { readBody } from '../adapters/http/request-body';
import { html, invalid, json, jsonMessage, notPost, type HttpResult } from '../adapters/http/responses';
import { config, perRuntime } from '../config';
import { checkStatus, type StatusDependencies } from './check-status';
import { clientAddress } from '../adapters/http/client-address';
import { clockNow } from '../adapters/clock/clock';

/** The same answer whatever did not match; it says what people who reported anonymously can do. */
const notFound = (contact: Profile['contact']) =>
  `We could not find a report with that reference and email address. Check both against your confirmation email. Reports made anonymously, or without an email address, cannot be checked online: to ask about one, contact the ${contact.team} (${contact.email}, ${contact.phone}) and quote its reference. For a crime, call the police on 101.`;
const limitedMessage = (seconds: number) =>
  `You have checked too many times. Please wait ${Math.ceil(seconds / 60)} minutes and try again, or call 101.`;

export async function handleStatus(
  deps: StatusDependencies,
  partnership: Pick<Profile, 'name' | 'contact'>,
  event: APIGatewayProxyEventV2,
): Promise<HttpResult> {
  const partnershipName = partnership.name;
  const NOT_FOUND = notFound(partnership.contact);
  if (event.requestContext.http.method !== 'POST') return notPost(event, '/report/status/', 'Use POST to check a report');
  const body = readBody(event);
  const page = (status: number, content: ComponentChildren, title: string, headers: Record<string, string> = {}) =>
    html(status, renderPage({ title, partnershipName, body: content }), headers);
  if (body.kind === 'error')
    return body.form
      ? page(body.status, h(StatusForm, { errors: [{ path: '', message: body.message }] }), `Error: ${STATUS_CHECK_TITLE}`)
      : jsonMessage(body.status, body.message);
  const value = body.kind === 'form' ? Object.fromEntries(body.entries) : body.value;
  const result = await checkStatus(deps, value, clientAddress(event));
  const values = body.kind === 'form' ? formValuesFrom(body.entries) : {};

  if (body.kind !== 'form') {
    if (result.kind === 'invalid') return invalid(400, result.errors, 'Check the reference and email address');
    if (result.kind === 'limited')
      return jsonMessage(429, limitedMessage(result.retryAfterSeconds), { 'Retry-After': String(result.retryAfterSeconds) });
    if (result.kind === 'not-found') return jsonMessage(404, NOT_FOUND);
    return json(200, { reference: result.reference, status: result.status, outcome: result.outcome, updates: result.updates });
  }
  switch (result.kind) {
    case 'invalid':
      return page(400, h(StatusForm, { values, errors: result.errors }), `Error: ${STATUS_CHECK_TITLE}`);
    case 'limited':
      return page(
        429,
        h(StatusForm, { values, errors: [{ path: '', message: limitedMessage(result.retryAfterSeconds) }] }),
        `Error: ${STATUS_CHECK_TITLE}`,
        { 'Retry-After': String(result.retryAfterSeconds) },
      );
    case 'not-found':
      return page(404, h(StatusForm, { values, errors: [{ path: 'reference', message: NOT_FOUND }] }), `Error: ${STATUS_CHECK_TITLE}`);
    case 'found':
      return page(
        200,
        h(StatusResult, { reference: result.reference, status: result.status, outcome: result.outcome, updates: result.updates }),
        `Report ${result.reference}: progress`,
      );
  }
}

export const runtimeDependencies = perRuntime(
  (): StatusDependencies => ({
    store: createReportStore(dynamoDbClient(), config().TABLE_NAME),
    limiter: createRateLimiter(dynamoDbClient(), config().TABLE_NAME),
    now: clockNow,
    hash: (value) => createHash('sha256').update(value).digest('hex'),
    same: (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)),
  }),
);

export const handler = httpHandler(
  (event) => handleStatus(runtimeDependencies(), bundledProfile, event),
  bundledProfile.name,
  'we could not check your report',
);
