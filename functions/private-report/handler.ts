/**
 * /api/reports/{reference}/private/{key}: the resident's private link to their report.
 * GET shows it (../reports/view-private-report.ts); POST adds something else that happened
 * (../reports/add-incident.ts), from the page's form (then back to the page, 303) or as
 * JSON. Never cached (every API answer is no-store) or indexed; the API's referrer policy
 * keeps the full address, and so the key, from any other site.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type ComponentChildren, h } from 'preact';
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Profile } from '../../shared/config/profile-schema';
import { renderPage } from '../../shared/ui/layout';
import { IncidentErrorSummary, IncidentForm } from '../../shared/ui/incident-form';
import { MessageErrorSummary, MessageForm } from '../../shared/ui/message-form';
import { PrivateReport } from '../../shared/ui/private-report';
import type { FieldError } from '../../shared/contracts/field-errors';
import { Message } from '../../shared/ui/result-pages';
import { clockNow } from '../adapters/clock/clock';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createRateLimiter } from '../adapters/dynamodb/rate-limiter';
import { receiptSecret } from '../adapters/dynamodb/receipt-secret';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { clientAddress } from '../adapters/http/client-address';
import { httpHandler } from '../adapters/http/middleware';
import { readBody } from '../adapters/http/request-body';
import { html, invalid, json, jsonMessage, seeOther, type HttpResult } from '../adapters/http/responses';
import { config, perRuntime } from '../config';
import { decodeReportForm } from '../../shared/contracts/report-form';
import { formValuesFrom, type FormValues } from '../../shared/ui/form-components';
import { addIncident, type AddIncidentDependencies } from '../reports/add-incident';
import { evidencePath, uploadTokenFor } from '../evidence/upload-token';
import { sendMessage, type SendMessageDependencies } from '../reports/send-message';
import { type PrivateReportDependencies, privateViewOf, viewPrivateReport } from '../reports/view-private-report';
import { type LinkRefusal, PRIVATE, refuseLink } from '../reports/link-refusal';

export async function handlePrivateReport(
  deps: PrivateReportDependencies & AddIncidentDependencies & SendMessageDependencies,
  partnership: Pick<Profile, 'name' | 'contact'>,
  event: APIGatewayProxyEventV2,
): Promise<HttpResult> {
  const given = { reference: event.pathParameters?.reference, key: event.pathParameters?.key };
  const action = event.rawPath;
  const page = (status: number, title: string, body: ComponentChildren, headers: Record<string, string> = {}) =>
    html(status, renderPage({ title, partnershipName: partnership.name, forms: true, body }), { ...PRIVATE, ...headers });
  const method = event.requestContext.http.method;
  /** A link that opened nothing: the page for a form, a message for JSON. */
  const refused = (result: LinkRefusal, asForm: boolean): HttpResult => refuseLink(result, { asPage: asForm, partnership });
  if (event.pathParameters?.key && action.endsWith('/messages')) return handleMessage(deps, page, refused, event);
  if (method === 'GET' || method === 'HEAD') {
    const result = await viewPrivateReport(deps, given, clientAddress(event));
    if (result.kind === 'limited' || result.kind === 'not-found') return refused(result, true);
    const sentTo = event.queryStringParameters?.added === '1' ? result.view.incidentsGoTo : undefined;
    const message = event.queryStringParameters?.sent === '1' ? { sent: true } : undefined;
    // A token for this visit: the link itself never leaves the page, the token lasts 2 hours.
    const evidenceLink = evidencePath(result.view.reference, uploadTokenFor(await deps.linkSecret(), result.view.reference, deps.now()));
    return page(
      200,
      `Your report ${result.view.reference}`,
      h(PrivateReport, { view: result.view, form: { action, sentTo, message, evidenceLink } }),
    );
  }
  if (method !== 'POST') return jsonMessage(405, 'Open the link, or send an incident with POST', { Allow: 'GET, POST' });

  // "Something else happened": a form from the page (answered with pages) or JSON.
  const body = readBody(event);
  if (body.kind === 'error')
    return body.form
      ? page(body.status, 'There is a problem', h(Message, { heading: 'There is a problem', paragraphs: [body.message], links: [] }))
      : jsonMessage(body.status, body.message);
  const decoded = body.kind === 'form' ? decodeReportForm(body.entries) : { value: body.value, errors: [] };
  const asForm = body.kind === 'form';
  const kept = await keepingAnswers(
    () => addIncident(deps, { ...given, body: decoded.value, decodeErrors: decoded.errors }, clientAddress(event)),
    body,
    event,
    (values, errors) => [h(IncidentErrorSummary, { errors }), h(IncidentForm, { action, values, errors })],
    page,
  );
  if (kept.kind === 'not-stored') return kept.page;
  const { result } = kept;
  if (result.kind === 'limited' || result.kind === 'not-found') return refused(result, asForm);
  if (result.kind === 'closed') {
    const message = `This report is closed, so nothing more can be added to it. If the problem carries on, make a new report and mention reference ${result.stored.reference}.`;
    if (!asForm) return jsonMessage(409, message);
    return page(
      409,
      'This report is closed',
      h(Message, { heading: 'This report is closed', paragraphs: [message], links: [{ href: '/report/', text: 'Make a new report' }] }),
    );
  }
  if (result.kind === 'invalid') {
    if (!asForm) return invalid(400, result.errors, 'Check the incident and send it again');
    const view = await privateViewOf(deps, result.stored);
    const values = formValuesFrom(body.entries);
    return page(400, `Error: Your report ${view.reference}`, h(PrivateReport, { view, form: { action, values, errors: result.errors } }));
  }
  if (!asForm) return json(201, { reference: result.record.reference, addedAt: result.record.at });
  return seeOther(`${action}?added=1#report-incidents`);
}

/** "Send a message to the officers": back to the report page (303), or the page with the problems; JSON gets 201. */
async function handleMessage(
  deps: PrivateReportDependencies & SendMessageDependencies,
  page: (status: number, title: string, body: ComponentChildren, headers?: Record<string, string>) => HttpResult,
  refused: (result: LinkRefusal, asForm: boolean) => HttpResult,
  event: APIGatewayProxyEventV2,
): Promise<HttpResult> {
  const reportPath = event.rawPath.replace(/\/messages$/, '');
  const body = readBody(event);
  if (body.kind === 'error')
    return body.form
      ? page(body.status, 'There is a problem', h(Message, { heading: 'There is a problem', paragraphs: [body.message], links: [] }))
      : jsonMessage(body.status, body.message);
  const value = body.kind === 'form' ? Object.fromEntries(body.entries) : body.value;
  const given = { reference: event.pathParameters?.reference, key: event.pathParameters?.key, body: value };
  const kept = await keepingAnswers(
    () => sendMessage(deps, given, clientAddress(event)),
    body,
    event,
    (values, errors) => [h(MessageErrorSummary, { errors }), h(MessageForm, { action: `${reportPath}/messages`, values, errors })],
    page,
  );
  if (kept.kind === 'not-stored') return kept.page;
  const { result } = kept;
  const asForm = body.kind === 'form';
  if (result.kind === 'limited' || result.kind === 'not-found') return refused(result, asForm);
  if (result.kind === 'invalid') {
    if (!asForm) return invalid(400, result.errors, 'Check the message and send it again');
    const view = await privateViewOf(deps, result.stored);
    const message = { values: formValuesFrom(body.entries), errors: result.errors };
    return page(400, `Error: Your report ${view.reference}`, h(PrivateReport, { view, form: { action: reportPath, message } }));
  }
  if (!asForm) return json(201, { reference: result.record.reference, sentAt: result.record.at });
  return seeOther(`${reportPath}?sent=1#report-messages`);
}

/**
 * Runs a resident's change; if storing it fails (the table unavailable, a timeout), a form
 * gets its answers back to send again rather than an error page that loses them. JSON
 * clients keep their request, and the error middleware answers them.
 */
async function keepingAnswers<T>(
  run: () => Promise<T>,
  body: Exclude<ReturnType<typeof readBody>, { kind: 'error' }>,
  event: APIGatewayProxyEventV2,
  form: (values: FormValues, errors: FieldError[]) => ComponentChildren,
  page: (status: number, title: string, content: ComponentChildren) => HttpResult,
): Promise<{ kind: 'ran'; result: T } | { kind: 'not-stored'; page: HttpResult }> {
  try {
    return { kind: 'ran', result: await run() };
  } catch (error) {
    if (body.kind !== 'form') throw error;
    const { logger } = await import('../adapters/logging/logger');
    logger.error('Resident change not stored', { correlationId: event.requestContext.requestId, errorName: (error as Error).name });
    const message = `Sorry, we could not confirm that this was saved. Your answers are still below. Open your report's link in a few minutes: if it is not there, send it again, or call 101. (Reference for support: ${event.requestContext.requestId})`;
    return {
      kind: 'not-stored',
      page: page(503, 'Sorry, there is a problem', form(formValuesFrom(body.entries), [{ path: '', message }])),
    };
  }
}

const runtimeDependencies = perRuntime((): PrivateReportDependencies & AddIncidentDependencies & SendMessageDependencies => ({
  store: createReportStore(dynamoDbClient(), config().TABLE_NAME),
  limiter: createRateLimiter(dynamoDbClient(), config().TABLE_NAME),
  profile: bundledProfile,
  linkSecret: receiptSecret(),
  now: clockNow,
  hash: (value) => createHash('sha256').update(value).digest('hex'),
}));

export const handler = httpHandler(
  (event) => handlePrivateReport(runtimeDependencies(), bundledProfile, event),
  bundledProfile.name,
  'we could not show your report',
);
