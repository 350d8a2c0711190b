/**
 * /api/reports/{reference}/evidence?token=…: the page for adding files to a report (GET;
 * JSON for the enhancement script when it asks for it), and /evidence/grants (POST, JSON
 * `{ token }`): the fields of one more upload, for the script sending several files.
 * The token, not a login, opens it: it names the report and expires (upload-token.ts).
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type ComponentChildren, h } from 'preact';
import { bundledProfile } from '../../shared/config/bundled-profile';
import { EvidencePage, EVIDENCE_FORM_SCRIPT } from '../../shared/ui/evidence-page';
import { renderPage } from '../../shared/ui/layout';
import { Message } from '../../shared/ui/result-pages';
import { clockNow } from '../adapters/clock/clock';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createEvidenceStore } from '../adapters/dynamodb/evidence-store';
import { receiptSecret } from '../adapters/dynamodb/receipt-secret';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { httpHandler } from '../adapters/http/middleware';
import { readBody } from '../adapters/http/request-body';
import { html, invalid, json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import { evidenceGrantRequestSchema } from '../../shared/contracts/evidence';
import { toFieldErrors } from '../../shared/contracts/field-errors';
import { createS3EvidenceFiles } from '../adapters/s3/evidence-files';
import { bucketHost } from '../adapters/s3/object-links';
import { config, evidenceBuckets, perRuntime } from '../config';
import { grantUpload, openEvidencePage, type EvidencePageDependencies } from '../evidence/evidence-page';
import { evidencePath } from '../evidence/upload-token';
import { PRIVATE } from '../reports/link-refusal';

/** What a token that opens nothing gets: a page (or a message) saying why and what to do instead. */
const REFUSALS = {
  expired: {
    status: 410,
    heading: 'This page has expired',
    message:
      'This page for adding files has expired: it works for 2 hours. Open your report again from its private link, or from the confirmation page if you still have it open, and choose "Add photos, recordings or documents".',
  },
  'not-found': {
    status: 404,
    heading: 'This page does not work',
    message:
      'This page for adding files does not work. The address may be incomplete, or the report may have been deleted after the time we keep reports. Open your report from its private link and choose "Add photos, recordings or documents".',
  },
} as const;

const wantsJson = (event: APIGatewayProxyEventV2) => (event.headers.accept ?? '').includes('application/json');

export async function handleEvidencePage(
  deps: EvidencePageDependencies,
  partnershipName: string,
  event: APIGatewayProxyEventV2,
): Promise<HttpResult> {
  const reference = event.pathParameters?.reference;
  const method = event.requestContext.http.method;
  const granting = event.rawPath.endsWith('/grants');
  const asJson = granting || wantsJson(event);
  const page = (status: number, title: string, body: ComponentChildren, scripts?: string[]) =>
    html(status, renderPage({ title, partnershipName, forms: true, body, ...(scripts ? { scripts } : {}) }), PRIVATE);
  const refusal = (kind: keyof typeof REFUSALS) => {
    const { status, heading, message } = REFUSALS[kind];
    return asJson ? jsonMessage(status, message) : page(status, heading, h(Message, { heading, paragraphs: [message] }));
  };

  if (granting && method !== 'POST') return jsonMessage(405, 'Ask for an upload with POST', { Allow: 'POST' });
  if (!granting && method !== 'GET' && method !== 'HEAD') return jsonMessage(405, 'Open this page with GET', { Allow: 'GET' });
  let token = event.queryStringParameters?.token;
  if (granting) {
    const body = readBody(event);
    if (body.kind !== 'json')
      return jsonMessage(body.kind === 'error' ? body.status : 415, body.kind === 'error' ? body.message : 'Send { "token": … } as JSON');
    const given = evidenceGrantRequestSchema.safeParse(body.value);
    if (!given.success) return invalid(400, toFieldErrors(given.error), 'Send the upload token the page gave you as "token"');
    token = given.data.token;
  }
  const opened = await openEvidencePage(deps, { reference, token, justSent: event.queryStringParameters?.key });
  if (opened.kind !== 'open') return refusal(opened.kind);
  const room = !opened.closed && opened.remaining > 0;
  if (granting) {
    if (!room)
      return jsonMessage(
        409,
        opened.closed
          ? 'This report is closed, so no more files can be added to it.'
          : 'This report already has 5 files, the most one report can have.',
      );
    const grant = await grantUpload(deps, opened, false);
    return json(201, grant);
  }
  if (asJson) return json(200, { reference: opened.reference, files: opened.rows, remaining: opened.remaining, closed: opened.closed });
  const upload = room ? await grantUpload(deps, opened) : undefined;
  const view = {
    reference: opened.reference,
    rows: opened.rows,
    remaining: opened.remaining,
    closed: opened.closed,
    ...(upload ? { upload: { url: upload.url, fields: upload.fields } } : {}),
    grants: `/api/reports/${opened.reference}/evidence/grants`,
    // Asking again keeps the file just sent in view: its result, and its problem at the top if it was refused.
    refresh: `${evidencePath(opened.reference, opened.token)}${opened.justSent ? `&key=${encodeURIComponent(opened.justSent.key)}` : ''}`,
    ...(opened.justSent ? { justSent: opened.justSent.id } : {}),
  };
  const refused = opened.rows.some((r) => r.status === 'refused' && r.id === opened.justSent?.id);
  return page(
    200,
    `${refused ? 'Error: ' : ''}Add files to report ${opened.reference}`,
    h(EvidencePage, { view }),
    upload ? [EVIDENCE_FORM_SCRIPT] : undefined,
  );
}

const runtimeDependencies = perRuntime(
  (): EvidencePageDependencies => ({
    files: createS3EvidenceFiles({ region: config().AWS_REGION, endpoint: config().S3_ENDPOINT }, evidenceBuckets()),
    evidence: createEvidenceStore(dynamoDbClient(), config().TABLE_NAME),
    reports: createReportStore(dynamoDbClient(), config().TABLE_NAME),
    secret: receiptSecret(),
    now: clockNow,
    siteUrl: config().SITE_URL,
    newId: randomUUID,
  }),
);

/** Where the browser sends uploads: the local S3 server, or the quarantine bucket's own address. */
const uploadOrigin = () =>
  config().S3_ENDPOINT
    ? new URL(config().S3_ENDPOINT as string).origin
    : `https://${bucketHost(evidenceBuckets().quarantine, config().AWS_REGION)}`;

// Built with the runtime, not at import: the upload origin in its security policy comes from
// the configuration, which the local stack sets afresh for each start (functions/config.ts).
const runtimeHandler = perRuntime(() =>
  httpHandler(
    (event) => handleEvidencePage(runtimeDependencies(), bundledProfile.name, event),
    bundledProfile.name,
    'we could not show the page for adding files',
    uploadOrigin(),
  ),
);

export const handler = (event: APIGatewayProxyEventV2, context: Context) => runtimeHandler()(event, context);
