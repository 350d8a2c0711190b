/** The OpenAPI 3.1 document, generated from the same zod schemas the API validates with. */
import * as z from 'zod/mini';
import type { Profile } from '../../shared/config/profile-schema';
import { createReportSchema } from '../../shared/contracts/report';

export function openApiDocument(profile: Profile): Record<string, unknown> {
  const report = z.toJSONSchema(createReportSchema(profile.areas.map((a) => a.id) as [string, ...string[]]), { io: 'input', unrepresentable: 'any' });
  const errorList = {
    type: 'object',
    required: ['errors'],
    properties: { errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
  };
  const message = { type: 'object', required: ['message'], properties: { message: { type: 'string' } } };
  return {
    openapi: '3.1.0',
    info: { title: `${profile.name}: reporting API`, version: '1.0.0', description: 'Report anti-social behaviour and hate crime. Cross-field rules: asbCategory is required for type "asb", hateMotivations for "hate-crime"; occurredAt (not in the future) or ongoing: true; contact with an email or phone unless anonymous.' },
    paths: {
      '/api/reports': {
        post: {
          summary: 'Submit a report',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Repeating a request with the same key within 10 minutes returns the same reference.' }],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Report' } },
              'application/x-www-form-urlencoded': { schema: { type: 'object', description: 'The same fields with dotted names (location.area); answered with 303 to the confirmation page.' } },
            },
          },
          responses: {
            '201': { description: 'Stored', content: { 'application/json': { schema: { type: 'object', required: ['reference', 'status'], properties: { reference: { type: 'string', pattern: '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$' }, status: { const: 'received' } } } } } },
            '303': { description: 'Form submission stored; see the confirmation page' },
            '400': { description: 'Invalid report', content: { 'application/json': { schema: errorList } } },
            '405': { description: 'Method not allowed', content: { 'application/json': { schema: message } } },
            '413': { description: 'Body over 32 KB', content: { 'application/json': { schema: message } } },
            '415': { description: 'Unsupported content type', content: { 'application/json': { schema: message } } },
          },
        },
      },
    },
    components: { schemas: { Report: report } },
  };
}
