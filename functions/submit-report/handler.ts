/**
 * POST /api/reports: a thin HTTP shell around the submitReport use case. JSON clients
 * get 201 with the reference; browser forms get 303 to the confirmation page, or the
 * form again with every problem listed and their answers kept.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import { decodeReportForm } from '../../shared/contracts/report-form';
import { newReference } from '../../shared/domain/reference';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { cachedPartners, createPartnerDirectory } from '../adapters/dynamodb/partner-directory';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { httpHandler } from '../adapters/http/middleware';
import { readBody } from '../adapters/http/request-body';
import { html, invalid, json, jsonMessage, notPost, seeOther, type HttpResult } from '../adapters/http/responses';
import { config, perRuntime } from '../config';
import { checkReport, submitReport, type SubmitDependencies, type SubmitResult } from './submit-report';
import type { FieldError } from '../../shared/contracts/field-errors';
import type { Report, ReportReceipt } from '../../shared/contracts/report';
import type { Profile } from '../../shared/config/profile-schema';
import { clientAddress } from '../adapters/http/client-address';
import { receiptFor } from '../reports/receipt';
import { receiptSecret } from '../adapters/dynamodb/receipt-secret';
import { clockNow } from '../adapters/clock/clock';

/** Matches the OpenAPI document: a UUID fits many times over. */
const MAX_IDEMPOTENCY_KEY = 200;

export interface SubmitHandlerDependencies extends SubmitDependencies {
  /** The key that signs confirmation-page receipts. */
  receiptSecret: () => Promise<string>;
}

export async function handleSubmit(deps: SubmitHandlerDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const method = event.requestContext.http.method;
  if (method !== 'POST') return notPost(event, '/report/', 'Use POST to send a report');

  const idempotencyKey = event.headers['idempotency-key'];
  if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY)) {
    return invalid(
      400,
      [{ path: 'Idempotency-Key', message: `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY} characters` }],
      'Check the Idempotency-Key header',
    );
  }

  const body = readBody(event);
  if (body.kind === 'error') {
    if (!body.form) return jsonMessage(body.status, body.message);
    const { h, renderPage, Message } = await htmlPages();
    return html(
      body.status,
      renderPage({
        title: 'There is a problem with your report',
        partnershipName: deps.profile.name,
        body: h(Message, { heading: 'There is a problem with your report', paragraphs: [body.message] }),
      }),
    );
  }

  // The form's steps: "Continue" asks to check the answers, "Change your answers" for the
  // form again, "Send report" (or a form without a step, as older pages and scripts send) stores.
  const step = body.kind === 'form' ? body.entries.find(([name]) => name === 'step')?.[1] : undefined;
  if (body.kind === 'form') body.entries = body.entries.filter(([name]) => name !== 'step');
  const decoded = body.kind === 'form' ? decodeReportForm(body.entries) : { value: body.value, errors: [] };
  const submission = {
    body: decoded.value,
    decodeErrors: decoded.errors,
    idempotencyKey,
    senderFingerprint: `${clientAddress(event)}|${event.headers['user-agent'] ?? ''}`,
  };
  // JSON clients keep their request and retry; the error middleware answers them.
  if (body.kind !== 'form') {
    const result = await submitReport(deps, submission);
    if (!result.ok) return result.errors ? invalid(400, result.errors, 'Check the report and send it again') : keyReused();
    return json(
      201,
      { reference: result.reference, status: 'received' } satisfies ReportReceipt,
      result.replayed ? { 'Idempotent-Replayed': 'true' } : {},
    );
  }

  // A resident's typed answers exist only in this request: if storing fails, give the
  // form back filled in rather than a page that loses them.
  const formPage = async (status: number, errors: FieldError[]) => {
    const { h, renderPage, ReportForm, REPORT_FORM_TITLE, formValuesFrom } = await htmlPages();
    const form = h(ReportForm, { areas: deps.profile.areas, values: formValuesFrom(body.entries), errors });
    const title = errors.length ? `Error: ${REPORT_FORM_TITLE}` : REPORT_FORM_TITLE;
    return html(status, renderPage({ title, partnershipName: deps.profile.name, body: form }));
  };
  if (step === 'change') return formPage(200, []);
  if (step === 'check') {
    const checked = checkReport(deps.profile, submission);
    if (!checked.ok) return formPage(400, checked.errors);
    const { h, renderPage, CheckAnswers, CHECK_ANSWERS_TITLE, describeAnswers } = await htmlPages();
    const page = h(CheckAnswers, { rows: describeAnswers(checked.report, deps.profile), entries: body.entries });
    return html(200, renderPage({ title: CHECK_ANSWERS_TITLE, partnershipName: deps.profile.name, body: page }));
  }
  let result: SubmitResult;
  try {
    result = await submitReport(deps, submission);
  } catch (error) {
    const { logger } = await import('../adapters/logging/logger');
    logger.error('Report not stored', { correlationId: event.requestContext.requestId, errorName: (error as Error).name });
    return formPage(503, [
      {
        path: '',
        message: `Sorry, we could not confirm that your report was saved. Your answers are still below: please send it again in a few minutes (the same report is only ever stored once), or call 101. (Reference for support: ${event.requestContext.requestId})`,
      },
    ]);
  }
  if (result.ok)
    return seeOther(
      `/api/reports/${result.reference}/confirmation?receipt=${receiptFor(await deps.receiptSecret(), result.reference, deps.now(), result.privateLink)}`,
    );
  // Browsers never send the header themselves; a form with one is a script's, answered as JSON.
  if (!result.errors) return keyReused();
  return formPage(400, result.errors);
}

/** 422: the key names another report. Its reference is not revealed and nothing was stored. */
const keyReused = () =>
  invalid(
    422,
    [
      {
        path: 'Idempotency-Key',
        message:
          'This Idempotency-Key was already used for another report in the last 10 minutes, so this report was not stored. Send it again with a new key.',
      },
    ],
    'This report was not stored: its Idempotency-Key was already used for another report',
  );

/** HTML is needed only when a form submission has problems: load it then (cold start budget). */
async function htmlPages() {
  const [preact, layout, form, pages, components, check, describe] = await Promise.all([
    import('preact'),
    import('../../shared/ui/layout'),
    import('../../shared/ui/report-form'),
    import('../../shared/ui/result-pages'),
    import('../../shared/ui/form-components'),
    import('../../shared/ui/check-answers'),
    import('../../shared/domain/describe-report'),
  ]);
  return {
    CheckAnswers: check.CheckAnswers,
    CHECK_ANSWERS_TITLE: check.CHECK_ANSWERS_TITLE,
    /** The answers as the resident gave them, with the two choices describeReport leaves out. */
    describeAnswers: (report: Report, profile: Profile) => [
      ...describe.describeReport(report, profile),
      ...(report.anonymous && report.privateLink ? [{ label: 'Private link', value: 'Yes, show me one on the next page' }] : []),
      ...(report.keepAnswersOutOfEmail ? [{ label: 'Confirmation email', value: 'Without a copy of your answers' }] : []),
    ],
    h: preact.h,
    renderPage: layout.renderPage,
    ReportForm: form.ReportForm,
    REPORT_FORM_TITLE: form.REPORT_FORM_TITLE,
    Message: pages.Message,
    formValuesFrom: components.formValuesFrom,
  };
}

/** Production wiring: DynamoDB, the bundled profile, real clock and randomness. */
export const runtimeDependencies = perRuntime(
  (): SubmitHandlerDependencies => ({
    receiptSecret: receiptSecret(),
    store: createReportStore(dynamoDbClient(), config().TABLE_NAME),
    profile: bundledProfile,
    // A minute's cache: an admin's change reaches new reports within a minute.
    partners: cachedPartners(createPartnerDirectory(dynamoDbClient(), config().TABLE_NAME, bundledProfile.partners), 60_000),
    now: clockNow,
    newReference: () => newReference(),
    hash: (value) => createHash('sha256').update(value).digest('hex'),
  }),
);

// Said only when even reading the idempotency marker back failed: whether it was stored is then unknown.
export const handler = httpHandler(
  (event) => handleSubmit(runtimeDependencies(), event),
  bundledProfile.name,
  'we could not confirm that your report was sent (sending it again is safe: the same report is only ever stored once)',
);
