/**
 * The OpenAPI 3.1 document, generated from the operation table (shared/contracts/
 * api-operations.ts) and the zod schemas the handlers validate with, so every route,
 * status and content type the API answers with is described, and cannot drift.
 */
import * as z from 'zod/mini';
import type { Profile } from '../../shared/config/profile-schema';
import { apiOperations, requestSchema, type Operation, type ResponseSpec } from '../../shared/contracts/api-operations';

const jsonSchema = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const outputSchema = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });

function parameters(operation: Operation): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [name, description] of Object.entries(operation.pathParams ?? {}))
    out.push({ name, in: 'path', required: true, description, schema: { type: 'string' } });
  const query = operation.query
    ? (jsonSchema(operation.query) as { properties?: Record<string, unknown>; required?: string[] })
    : undefined;
  for (const [name, schema] of Object.entries(query?.properties ?? {}))
    out.push({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema });
  for (const [name, header] of Object.entries(operation.headerParams ?? {}))
    out.push({
      name,
      in: 'header',
      required: false,
      description: header.description,
      schema: { type: 'string', minLength: 1, maxLength: header.maxLength },
    });
  return out;
}

function response(spec: ResponseSpec): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  if (spec.json) content['application/json'] = { schema: outputSchema(spec.json) };
  if (spec.html) content['text/html'] = { schema: { type: 'string' } };
  if (spec.csv) content['text/csv'] = { schema: { type: 'string' } };
  return {
    description: spec.description,
    ...(Object.keys(content).length ? { content } : {}),
    ...(spec.headers ? { headers: Object.fromEntries(spec.headers.map((h) => [h, { schema: { type: 'string' } }])) } : {}),
  };
}

function operationObject(operation: Operation, profile: Profile): Record<string, unknown> {
  const json = requestSchema(operation, profile);
  const content: Record<string, unknown> = {};
  if (json) content['application/json'] = { schema: jsonSchema(json) };
  if (operation.form)
    content['application/x-www-form-urlencoded'] = {
      schema: { type: 'object', additionalProperties: { type: 'string' }, description: operation.form },
    };
  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.role
      ? {
          description: `Needs ${operation.role === 'any' ? 'any portal group (partner users see only their partner’s reports)' : operation.role === 'officer' ? 'the officer or admin group' : 'the admin group'}.`,
        }
      : {}),
    ...(operation.security ? { security: [{ [operation.security === 'officer' ? 'officerToken' : 'voterCookie']: [] }] } : {}),
    parameters: parameters(operation),
    ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
    responses: Object.fromEntries(Object.entries(operation.responses).map(([status, spec]) => [status, response(spec)])),
  };
}

export function openApiDocument(profile: Profile): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of apiOperations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = operationObject(operation, profile);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${profile.name}: public and officer API`,
      version: '2.0.0',
      description:
        'Report anti-social behaviour and hate crime, check a report, take part in polls, and (officers) triage reports. Cross-field rules of a report: asbCategory is required for type "asb", hateMotivations for "hate-crime"; occurredAt (not in the future) or ongoing: true; contact with an email or phone unless anonymous. Every error answer has a message; every 400 and 422 also lists its problems in errors.',
    },
    paths,
    components: {
      securitySchemes: {
        officerToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token of the officer user pool (groups admin, officer, partner-<id>)',
        },
        voterCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'voter',
          description: 'The signed voter cookie set by POST /api/polls/{id}/start, sent only to that poll',
        },
      },
    },
  };
}
