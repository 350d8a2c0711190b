/** HTTP API v2 responses. Nothing here is cached: every answer is about one request. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE, ...headers }, body: JSON.stringify(body) };
}

export function html(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE, ...headers }, body };
}

/** 303 See Other: after a form POST the browser GETs the next page (no resubmit on refresh). */
export function seeOther(location: string): HttpResult {
  return { statusCode: 303, headers: { Location: location, ...NO_STORE }, body: '' };
}

/** An error for API clients: `{ "message": "..." }`. */
export function jsonMessage(statusCode: number, message: string, headers: Record<string, string> = {}): HttpResult {
  return json(statusCode, { message }, headers);
}
