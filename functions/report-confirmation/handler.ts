/**
 * GET /api/reports/{reference}/confirmation?receipt=…: the page a browser lands on after
 * a form POST (303). It shows the reference (and the private link, when the receipt says
 * the report has one) only with the receipt the submit function signed for it, so it
 * needs no lookup of the report and cannot be forged into a false receipt; anything else
 * is a plain 404 that says nothing about the reference.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import { parseReference } from '../../shared/domain/reference';
import { h } from 'preact';
import { renderPage } from '../../shared/ui/layout';
import { Confirmation, Message } from '../../shared/ui/result-pages';
import { httpHandler } from '../adapters/http/middleware';
import { html, type HttpResult } from '../adapters/http/responses';
import { privateLinkPath } from '../reports/private-link';
import { evidencePath, uploadTokenFor } from '../evidence/upload-token';
import { readReceipt } from '../reports/receipt';
import { receiptSecret } from '../adapters/dynamodb/receipt-secret';
import { clockNow } from '../adapters/clock/clock';
import { perRuntime } from '../config';

export interface ConfirmationDependencies {
  partnershipName: string;
  receiptSecret: () => Promise<string>;
  now: () => Date;
}

const NOT_FOUND =
  'This confirmation page is not available. If you sent a report, its reference is in the confirmation email we sent, if you gave an email address. Otherwise, make the report again or call 101.';

export async function handleConfirmation(deps: ConfirmationDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const reference = parseReference(event.pathParameters?.reference ?? '');
  const receipt = event.queryStringParameters?.receipt;
  const secret = await deps.receiptSecret();
  const read = reference ? readReceipt(secret, reference, receipt, deps.now()) : undefined;
  if (!reference || !read) {
    return html(
      404,
      renderPage({
        title: 'Page not found',
        partnershipName: deps.partnershipName,
        forms: false,
        body: h(Message, { heading: 'Page not found', paragraphs: [NOT_FOUND] }),
      }),
    );
  }
  return html(
    200,
    renderPage({
      title: `Report sent: reference ${reference}`,
      partnershipName: deps.partnershipName,
      body: h(Confirmation, {
        reference,
        privateLink: read.withLink ? privateLinkPath(secret, reference) : undefined,
        evidenceLink: evidencePath(reference, uploadTokenFor(secret, reference, deps.now())),
      }),
    }),
  );
}

const runtimeDependencies = perRuntime(
  (): ConfirmationDependencies => ({ partnershipName: bundledProfile.name, receiptSecret: receiptSecret(), now: clockNow }),
);

export const handler = httpHandler((event) => handleConfirmation(runtimeDependencies(), event), bundledProfile.name);
