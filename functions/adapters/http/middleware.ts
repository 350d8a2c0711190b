/**
 * The middy stack every HTTP function uses: normalised headers, security headers on
 * every response, and one error boundary that logs the failure with a correlation id
 * and answers a generic 500 (no stack trace, no message from inside).
 */
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { isFormRequest } from './request-body';
import { html, jsonMessage, type HttpResult } from './responses';

/** CSP for pages the API renders: same-origin styles only, no script at all. */
const CONTENT_SECURITY_POLICY = {
  'default-src': "'none'",
  // Pages the functions render load only this site's own scripts (the vote form's enhancement).
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'none'",
  // Off: `sandbox` would stop the error page's form from submitting, and
  // `upgrade-insecure-requests` would break the stylesheet on http://localhost.
  sandbox: false,
  'upgrade-insecure-requests': false,
  'report-to': false,
} as unknown as Record<string, string>;

/** What the resident is told when something unexpected fails; `what` names what was not done. */
const failureMessage = (what: string, correlationId: string) =>
  `Sorry, something went wrong on our side and ${what}. Please try again in a few minutes. If it keeps happening, call 101 and quote ${correlationId}.`;

/**
 * `what` says what the failure means for the person, and must stay true whatever failed:
 * each function that writes names its own (never "not sent" for something that may have been).
 */
export function httpHandler(
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<HttpResult>,
  partnershipName: string,
  what = 'we could not complete your request',
  /**
   * Another origin a page's form posts to and its script sends to (the evidence page's uploads
   * go straight to storage); every other page keeps to its own origin.
   */
  uploadOrigin?: string,
) {
  const policy = uploadOrigin
    ? { ...CONTENT_SECURITY_POLICY, 'form-action': `'self' ${uploadOrigin}`, 'connect-src': `'self' ${uploadOrigin}` }
    : CONTENT_SECURITY_POLICY;
  return middy<APIGatewayProxyEventV2, HttpResult>()
    .use(httpHeaderNormalizer())
    .use(httpSecurityHeaders({ contentSecurityPolicy: policy, referrerPolicy: { policy: 'same-origin' } }))
    .use({
      onError: async (request) => {
        const correlationId = request.event.requestContext?.requestId ?? 'unknown';
        const error = request.error as Error | undefined;
        // Loaded only when something failed: the logger is not needed on the happy path's cold start.
        const { logger } = await import('../logging/logger');
        // Name only: SDK and validation messages can contain what the resident typed.
        logger.error('Unhandled error', { correlationId, route: request.event.routeKey, errorName: error?.name ?? 'Error' });
        const message = failureMessage(what, correlationId);
        if (request.event.headers && isFormRequest(request.event)) {
          const [{ h }, { renderPage }, { Message }] = await Promise.all([
            import('preact'),
            import('../../../shared/ui/layout'),
            import('../../../shared/ui/result-pages'),
          ]);
          const title = 'Sorry, there is a problem with the service';
          request.response = html(
            500,
            renderPage({ title, partnershipName, body: h(Message, { heading: title, paragraphs: [message] }) }),
            {
              'X-Correlation-Id': correlationId,
            },
          );
        } else {
          request.response = jsonMessage(500, message, { 'X-Correlation-Id': correlationId });
        }
      },
    })
    .handler(handler);
}
