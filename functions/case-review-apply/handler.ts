/**
 * ASB Case Review applications, a thin HTTP shell around the apply use case:
 *   POST /api/case-reviews                                    the form on /case-review/apply/, or JSON
 *   GET|POST /api/reports/{reference}/private/{key}/case-review  the same form from a private report link,
 *     with the complaints the portal holds about the problem added for the applicant
 * Forms are answered with pages (the acknowledgement, or the form again with every problem
 * beside its field and the answers kept); JSON clients get 201 with the reference.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type ComponentChildren, h } from 'preact';
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Profile } from '../../shared/config/profile-schema';
import { decodeCaseReviewForm } from '../../shared/contracts/case-review-form';
import type { FieldError } from '../../shared/contracts/field-errors';
import { newCaseReviewReference } from '../../shared/domain/reference';
import { CASE_REVIEW_FORM_TITLE, CaseReviewForm } from '../../shared/ui/case-review-form';
import { CaseReviewReceived } from '../../shared/ui/case-review-pages';
import { formValuesFrom, type FormValues } from '../../shared/ui/form-components';
import { renderPage } from '../../shared/ui/layout';
import { Message } from '../../shared/ui/result-pages';
import { clockNow } from '../adapters/clock/clock';
import { createCaseReviewStore } from '../adapters/dynamodb/case-review-store';
import { createCaseStore } from '../adapters/dynamodb/case-store';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { cachedPartners, createPartnerDirectory } from '../adapters/dynamodb/partner-directory';
import { createRateLimiter } from '../adapters/dynamodb/rate-limiter';
import { receiptSecret } from '../adapters/dynamodb/receipt-secret';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { clientAddress } from '../adapters/http/client-address';
import { httpHandler } from '../adapters/http/middleware';
import { isFormRequest, readBody } from '../adapters/http/request-body';
import { PRIVATE, refuseLink } from '../reports/link-refusal';
import { html, invalid, json, jsonMessage, notPost, type HttpResult } from '../adapters/http/responses';
import { applyForCaseReview, type ApplyDependencies, type ApplyResult, type FromReports } from '../case-reviews/apply';
import { fromReports, type FromReportDependencies } from '../case-reviews/from-report';
import { openPrivateLink, type PrivateReportDependencies } from '../reports/view-private-report';
import { config, perRuntime } from '../config';

export type CaseReviewApplyDependencies = ApplyDependencies &
  FromReportDependencies &
  Pick<PrivateReportDependencies, 'limiter' | 'linkSecret'>;

export async function handleCaseReviewApply(deps: CaseReviewApplyDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const method = event.requestContext.http.method;
  const fromLink = event.pathParameters?.key !== undefined;
  const partnership = deps.profile;
  const page = (status: number, title: string, body: ComponentChildren) =>
    html(status, renderPage({ title, partnershipName: partnership.name, body }), fromLink ? PRIVATE : {});
  const formPage = (status: number, values: FormValues, errors: FieldError[], from?: FromReports & { reference: string }) =>
    page(
      status,
      errors.length ? `Error: ${CASE_REVIEW_FORM_TITLE}` : CASE_REVIEW_FORM_TITLE,
      h(CaseReviewForm, {
        action: event.rawPath,
        areas: partnership.areas,
        partners: partnership.partners,
        values,
        errors,
        ...(from ? { fromReports: { reference: from.reference, complaints: from.complaints } } : {}),
      }),
    );

  // From a private link: the link is checked first, and a link that does not work answers as the report page's does.
  let from: (FromReports & { reference: string }) | undefined;
  if (fromLink) {
    const given = { reference: event.pathParameters?.reference, key: event.pathParameters?.key };
    const opened = await openPrivateLink({ ...deps, store: deps.reports }, given, clientAddress(event));
    if (opened.kind !== 'open')
      return refuseLink(opened, {
        asPage: method === 'GET' || method === 'HEAD' || isFormRequest(event),
        partnership,
        also: [{ href: '/case-review/apply/', text: 'Apply for an ASB Case Review without the link' }],
      });
    from = { ...(await fromReports(deps, opened.live)), reference: opened.live.reference };
    if (method === 'GET' || method === 'HEAD') {
      const area = opened.live.report.location.area;
      return formPage(200, { 'victim.area': area, ...contactValues(opened.live.report.contact) }, [], from);
    }
  }
  if (method !== 'POST') return notPost(event, '/case-review/apply/', 'Use POST to send an application');

  const body = readBody(event);
  if (body.kind === 'error') {
    if (!body.form) return jsonMessage(body.status, body.message);
    return page(
      body.status,
      'There is a problem',
      h(Message, { heading: 'There is a problem with your application', paragraphs: [body.message], links: [] }),
    );
  }
  const decoded = body.kind === 'form' ? decodeCaseReviewForm(body.entries) : { value: body.value, errors: [] };
  const input = { body: decoded.value, decodeErrors: decoded.errors, ...(from ? { fromReports: from } : {}) };
  if (body.kind !== 'form') {
    const result = await applyForCaseReview(deps, input);
    if (!result.ok) return invalid(400, result.errors, 'Check the application and send it again');
    return json(
      201,
      {
        reference: result.reference,
        state: 'received',
        steps: result.steps.map(({ state, dueAt }) => ({ state, ...(dueAt ? { dueAt } : {}) })),
      },
      result.replayed ? { 'Idempotent-Replayed': 'true' } : {},
    );
  }
  // The applicant's answers exist only in this request: if storing fails, give the form back filled in.
  let result: ApplyResult;
  try {
    result = await applyForCaseReview(deps, input);
  } catch (error) {
    const { logger } = await import('../adapters/logging/logger');
    logger.error('Case Review application not stored', { correlationId: event.requestContext.requestId, errorName: (error as Error).name });
    return formPage(
      503,
      formValuesFrom(body.entries),
      [
        {
          path: '',
          message: `Sorry, we could not confirm that your application was saved. Your answers are still below: please send it again in a few minutes (the same application is only ever stored once). (Reference for support: ${event.requestContext.requestId})`,
        },
      ],
      from,
    );
  }
  if (!result.ok) return formPage(400, formValuesFrom(body.entries), result.errors, from);
  return page(
    200,
    'Application received',
    h(CaseReviewReceived, {
      reference: result.reference,
      steps: result.steps,
      emailed: result.emailed,
      escalation: partnership.caseReview.escalation,
    }),
  );
}

/** The resident's own contact details from their report, to start the form with (they can change them). */
function contactValues(contact: { name: string; email?: string | undefined; phone?: string | undefined } | undefined): FormValues {
  if (!contact) return {};
  return { 'applicant.role': 'victim', 'victim.name': contact.name, 'victim.email': contact.email, 'victim.phone': contact.phone };
}

const runtimeDependencies = perRuntime((): CaseReviewApplyDependencies => {
  const client = dynamoDbClient();
  const table = config().TABLE_NAME;
  const cases = createCaseStore(client, table);
  return {
    store: createCaseReviewStore(client, table),
    reports: createReportStore(client, table),
    caseFile: (caseId) => cases.getCaseFile(caseId),
    limiter: createRateLimiter(client, table),
    linkSecret: receiptSecret(),
    profile: bundledProfile as Profile,
    partners: cachedPartners(createPartnerDirectory(client, table, bundledProfile.partners), 60_000),
    now: clockNow,
    newReference: () => newCaseReviewReference(),
    hash: (value) => createHash('sha256').update(value).digest('hex'),
  };
});

export const handler = httpHandler(
  (event) => handleCaseReviewApply(runtimeDependencies(), event),
  bundledProfile.name,
  'we could not confirm that your application was sent (sending it again is safe: the same application is only ever stored once)',
);
