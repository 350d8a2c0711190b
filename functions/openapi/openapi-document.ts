/** The OpenAPI 3.1 document, generated from the same zod schemas the API validates with. */
import * as z from 'zod/mini';
import type { Profile } from '../../shared/config/profile-schema';
import { createReportSchema } from '../../shared/contracts/report';
import { ballotRequestSchema } from '../../shared/contracts/ballot';

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
      '/api/polls/{id}/start': {
        post: {
          summary: 'Start voting in a poll: sets the signed voter cookie for that poll',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '303': { description: 'To the vote page (or the thank-you page if this voter has taken part)' }, '403': { description: 'The poll is not open' }, '404': { description: 'No such poll' } },
        },
      },
      '/api/polls/{id}/ballots': {
        post: {
          summary: 'Cast a ballot (needs the voter cookie from /start, sent at least a few seconds later)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Ballot' } }, 'application/x-www-form-urlencoded': { schema: { type: 'object', description: 'tokens.<option>, choice, followUps.<question>, postcode; answered with 303 to the thank-you page.' } } } },
          responses: {
            '201': { description: 'Counted (Idempotent-Replayed: true when the same ballot was already counted)', content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { const: 'counted' }, poll: { type: 'string' }, counts: { type: 'object', additionalProperties: { type: 'integer' } } } } } } },
            '303': { description: 'Form ballot counted; see the thank-you page' },
            '400': { description: 'Unknown option, wrong token count, negative number, no voter cookie, or sent too soon', content: { 'application/json': { schema: errorList } } },
            '403': { description: 'Poll closed or not yet open, or postcode outside the area', content: { 'application/json': { schema: message } } },
            '404': { description: 'No such poll', content: { 'application/json': { schema: message } } },
            '409': { description: 'This voter has already cast a different ballot', content: { 'application/json': { schema: message } } },
          },
        },
      },
      '/api/polls/{id}/results': {
        get: {
          summary: 'Ranked results: JSON, or HTML for browsers, or CSV with ?format=csv',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'format', in: 'query', required: false, schema: { enum: ['json', 'html', 'csv'] } }],
          responses: { '200': { description: 'Results: rows of concern, count, share and rank (ties share a rank), totals by channel' }, '403': { description: 'Results are published after the poll closes, or the poll has not opened', content: { 'application/json': { schema: message } } }, '404': { description: 'No such poll' } },
        },
      },
    },
    components: { schemas: { Report: report, Ballot: z.toJSONSchema(ballotRequestSchema, { io: 'input', unrepresentable: 'any' }) } },
  };
}
