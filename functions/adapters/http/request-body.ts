/**
 * Reads a request body the way the API accepts it: JSON or a urlencoded form, at most
 * 32 KB. Failures are values with the status to send and a message to show.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { toFieldErrors } from '../../../shared/contracts/field-errors';
import { json, jsonMessage, type HttpResult } from './responses';

const MAX_BODY_BYTES = 32 * 1024;

export type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; entries: [string, string][] }
  | { kind: 'error'; status: 400 | 413 | 415; message: string; form: boolean };

function mediaType(event: APIGatewayProxyEventV2): string {
  return (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** True when the request came from a browser form, so errors should be pages, not JSON. */
export function isFormRequest(event: APIGatewayProxyEventV2): boolean {
  return mediaType(event) === 'application/x-www-form-urlencoded';
}

export function readBody(event: APIGatewayProxyEventV2): Body {
  const form = isFormRequest(event);
  const type = mediaType(event);
  if (type !== 'application/json' && !form) {
    return {
      kind: 'error',
      status: 415,
      form,
      message: 'Send the report as application/json or as a form (application/x-www-form-urlencoded)',
    };
  }
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) {
    return {
      kind: 'error',
      status: 413,
      form,
      message: `The report is too large: at most ${MAX_BODY_BYTES / 1024} KB can be sent. Use your browser's back button to return to your answers, shorten the longest ones and send again.`,
    };
  }
  const text = bytes.toString('utf8');
  if (form) return { kind: 'form', entries: [...new URLSearchParams(text)] };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'error', status: 400, form, message: 'The request body is not valid JSON' };
  }
}

/**
 * A JSON-only body (the workspace's changes), checked with its operation's schema: the
 * value, or the answer to send (the body's own problem, 415 for a form, 400 with every
 * problem beside its field).
 */
export function readJsonBody<S extends z.ZodMiniType>(
  event: APIGatewayProxyEventV2,
  schema: S,
  words: { what: string; check: string },
): { ok: true; value: z.output<S> } | { ok: false; response: HttpResult } {
  const body = readBody(event);
  if (body.kind === 'error') return { ok: false, response: jsonMessage(body.status, body.message) };
  if (body.kind === 'form') return { ok: false, response: jsonMessage(415, `Send ${words.what} as JSON`) };
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return { ok: false, response: json(400, { message: words.check, errors: toFieldErrors(parsed.error) }) };
  return { ok: true, value: parsed.data };
}
