/**
 * GET /api/reports/{reference}/confirmation: the page a browser lands on after a form
 * POST (303). Shows only the reference, which is already in the address bar, so it
 * needs no lookup and reveals nothing about the report.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import { parseReference } from '../../shared/domain/reference';
import { renderPage } from '../../shared/ui/layout';
import { confirmationBody, messageBody } from '../../shared/ui/result-pages';
import { httpHandler } from '../adapters/http/middleware';
import { html, type HttpResult } from '../adapters/http/responses';

export async function handleConfirmation(partnershipName: string, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const reference = parseReference(event.pathParameters?.reference ?? '');
  if (!reference) {
    return html(404, renderPage({ title: 'Page not found', partnershipName, forms: false, body: messageBody('Page not found', ['This is not a report reference we recognise. Check the address, or make a new report.']) }));
  }
  return html(200, renderPage({ title: `Report sent: reference ${reference}`, partnershipName, body: confirmationBody(reference) }));
}

export const handler = httpHandler((event) => handleConfirmation(bundledProfile.name, event), bundledProfile.name);
