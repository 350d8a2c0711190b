/**
 * GET /api/reports/{reference}/private/{key}: the resident's private link to their report
 * (../reports/view-private-report.ts). Always a page, never cached (every API answer is
 * no-store) or indexed; the API's referrer policy keeps the full address, and so the key,
 * from any other site.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type ComponentChildren, h } from 'preact';
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Profile } from '../../shared/config/profile-schema';
import { renderPage } from '../../shared/ui/layout';
import { PrivateReport } from '../../shared/ui/private-report';
import { Message } from '../../shared/ui/result-pages';
import { clockNow } from '../adapters/clock/clock';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createRateLimiter } from '../adapters/dynamodb/rate-limiter';
import { receiptSecret } from '../adapters/dynamodb/receipt-secret';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { clientAddress } from '../adapters/http/client-address';
import { httpHandler } from '../adapters/http/middleware';
import { html, type HttpResult } from '../adapters/http/responses';
import { config } from '../config';
import { type PrivateReportDependencies, viewPrivateReport } from '../reports/view-private-report';

const PRIVATE = { 'X-Robots-Tag': 'noindex' };

/** One answer for every link that does not work, saying what the resident can do instead. */
const notWorking = (contact: Profile['contact']) => [
  'The link may be mistyped or incomplete, it may have been replaced by a newer one, or the report may have been deleted after the time we keep reports.',
  'If you gave an email address, you can check your report with its reference and that address.',
  `Otherwise contact the ${contact.team} (${contact.email}, ${contact.phone}) and quote your reference. If you are in danger, call 999.`,
];

export async function handlePrivateReport(
  deps: PrivateReportDependencies,
  partnership: Pick<Profile, 'name' | 'contact'>,
  event: APIGatewayProxyEventV2,
): Promise<HttpResult> {
  const result = await viewPrivateReport(
    deps,
    { reference: event.pathParameters?.reference, key: event.pathParameters?.key },
    clientAddress(event),
  );
  const page = (status: number, title: string, body: ComponentChildren, headers: Record<string, string> = {}) =>
    html(status, renderPage({ title, partnershipName: partnership.name, forms: true, body }), { ...PRIVATE, ...headers });
  if (result.kind === 'limited') {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return page(
      429,
      'Too many attempts',
      h(Message, {
        heading: 'Too many attempts',
        paragraphs: [`Please wait ${minutes} minutes and open the link again. If you are in danger, call 999.`],
        links: [],
      }),
      { 'Retry-After': String(result.retryAfterSeconds) },
    );
  }
  if (result.kind === 'not-found')
    return page(
      404,
      'This link does not work',
      h(Message, {
        heading: 'This link does not work',
        paragraphs: notWorking(partnership.contact),
        links: [{ href: '/report/status/', text: 'Check a report with its reference and email address' }],
      }),
    );
  return page(200, `Your report ${result.view.reference}`, h(PrivateReport, { view: result.view }));
}

let runtime: PrivateReportDependencies | undefined;

function runtimeDependencies(): PrivateReportDependencies {
  runtime ??= {
    store: createReportStore(dynamoDbClient(), config().TABLE_NAME),
    limiter: createRateLimiter(dynamoDbClient(), config().TABLE_NAME),
    profile: bundledProfile,
    linkSecret: receiptSecret(),
    now: clockNow,
    hash: (value) => createHash('sha256').update(value).digest('hex'),
  };
  return runtime;
}

export const handler = httpHandler(
  (event) => handlePrivateReport(runtimeDependencies(), bundledProfile, event),
  bundledProfile.name,
  'we could not show your report',
);
