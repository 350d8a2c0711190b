/** HTTP API v2 responses. Nothing here is cached: every answer is about one request. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
    body: JSON.stringify(body),
  };
}

export function html(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE, ...headers }, body };
}

/** 303 See Other: after a form POST the browser GETs the next page (no resubmit on refresh). */
export function seeOther(location: string): HttpResult {
  return { statusCode: 303, headers: { Location: location, ...NO_STORE }, body: '' };
}

/**
 * An error for API clients: `{ "message": "..." }`. A 400 also lists its problems as
 * `errors` (here the one message, about the request as a whole), so every 400 the API
 * gives has the same shape, whatever was wrong.
 */
export function jsonMessage(statusCode: number, message: string, headers: Record<string, string> = {}): HttpResult {
  return json(statusCode, statusCode === 400 || statusCode === 422 ? { message, errors: [{ path: '', message }] } : { message }, headers);
}

/** A request with problems a person can fix, each beside its field: `{ message, errors }`. */
export function invalid(
  statusCode: 400 | 422,
  errors: { path: string; message: string }[],
  message = 'Check the answers and try again',
  headers: Record<string, string> = {},
): HttpResult {
  return json(statusCode, { message, errors }, headers);
}

/**
 * A request with another method than POST at a form's address. A browser asking for a
 * page (an address bar reloaded after a form error, a copied link) is sent to the form
 * itself; API clients get 405 with Allow.
 */
export function notPost(
  event: { requestContext: { http: { method: string } }; headers: Record<string, string | undefined> },
  formPath: string,
  message: string,
): HttpResult {
  const method = event.requestContext.http.method;
  if ((method === 'GET' || method === 'HEAD') && /text\/html/.test(event.headers.accept ?? '')) return seeOther(formPath);
  return jsonMessage(405, message, { Allow: 'POST' });
}
