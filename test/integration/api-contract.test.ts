/**
 * The API keeps its contract under any input: every operation in the table the OpenAPI
 * document is generated from is driven with requests generated from its own schemas
 * (fast-check), mixed with junk (wrong types, broken encodings, other content types,
 * every kind of caller: signed-in roles, no token, a forged one), against the local
 * stack. Every answer must be one the document lists for that operation, with its
 * content type, and a JSON body that its schema accepts; none may be a 5xx.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { apiOperations, requestSchema, type Operation } from '../../shared/contracts/api-operations';
import { httpRoutes, matchRoute } from '../../functions/routes';
import { defaultProfile } from '../../shared/config/load-profile';
import { startTestStack } from '../support/local-stack';
import { signInDemoUsers } from '../support/officer';
import { testPolls, writeTestPolls } from '../support/test-polls';
import { arbitraryFor, type JsonSchema } from '../support/json-schema-arbitrary';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import asbAnon from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

const profile = defaultProfile();
let stack: LocalStack;
const tokens: Record<string, string> = {};
const known: Record<string, string[]> = {};
let voterCookie = '';

beforeAll(async () => {
  stack = await startTestStack({ pollsDir: writeTestPolls() });
  for (const [name, t] of Object.entries(await signInDemoUsers(stack))) tokens[name] = t.access;
  const submitted = await fetch(`${stack.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(hateCrime),
  });
  known.reference = [((await submitted.json()) as { reference: string }).reference];
  known.id = [...Object.values(testPolls).map((p) => p.id), ...profile.partners.map((p) => p.id)];
  const start = await fetch(`${stack.url}/api/polls/${testPolls.open.id}/start`, { method: 'POST', redirect: 'manual' });
  voterCookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
});
afterAll(async () => stack?.stop());

interface GeneratedRequest {
  path: string;
  query: Record<string, string>;
  body?: { type: string; text: string };
  caller: string;
  cookie: string;
  headers: Record<string, string>;
  accept: string;
}

/** Path values: ones that exist, any text, and encodings that do not decode. */
const pathValue = (name: string) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...(known[name] ?? ['x'])).map(encodeURIComponent), weight: 4 },
    // "." and ".." are not values: URLs drop them as path segments, so they would name another address.
    {
      arbitrary: fc
        .string({ minLength: 1, maxLength: 12, unit: 'grapheme' })
        .filter((v) => v !== '.' && v !== '..')
        .map(encodeURIComponent),
      weight: 2,
    },
    { arbitrary: fc.constantFrom('%E0%A4%A', '%00', 'ZZZZZZZZ', '%3Cscript%3E'), weight: 1 },
  );

/** Bodies that pass validation, so generated variations of them reach the deeper answers (201, 409, 422 …). */
const examples = (): Record<string, unknown[]> => ({
  submitReport: [hateCrime, asbAnon],
  reportStatus: [{ reference: known.reference![0], email: 'amira@example.com' }],
  castBallot: [{ allocation: { 'anti-social-behaviour': 3, burglary: 2 }, postcode: 'FB1 2AB' }],
  caseAction: [
    { action: 'note', text: 'Checked the cameras' },
    { action: 'grade', risk: 'medium', version: 1 },
    { action: 'assign', partnerId: 'police', version: 2 },
    { action: 'update-resident', message: 'We are on it' },
  ],
  // The partner as the directory holds it, less its id (that is in the path, and the schema is strict).
  updatePartner: [(({ id: _id, ...partner }) => ({ version: 1, ...partner }))(profile.partners[1]!)],
  recordTally: [{ event: { name: 'Village fete', date: '2026-07-11', place: 'Green' }, counts: { 'anti-social-behaviour': 4 } }],
});

/** An example with one field replaced by a generated value, or removed. */
function variations(example: unknown, schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const record = example as Record<string, unknown>;
  const properties = schema?.properties ?? {};
  const keys = Object.keys({ ...record, ...properties });
  return fc.oneof(
    fc.constant(example),
    fc.constantFrom(...keys).chain((key) =>
      fc.oneof(
        arbitraryFor(properties[key]).map((v) => ({ ...record, [key]: v })),
        fc.constant(Object.fromEntries(Object.entries(record).filter(([k]) => k !== key))),
      ),
    ),
  );
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function requestArbitrary(operation: Operation): fc.Arbitrary<GeneratedRequest> {
  const params = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const path = fc
    .tuple(...params.map(pathValue))
    .map((values) => values.reduce((p, v, i) => p.replace(`{${params[i]}}`, v), operation.path));
  const querySchema = operation.query
    ? (z.toJSONSchema(operation.query, { io: 'input', unrepresentable: 'any' }) as JsonSchema)
    : undefined;
  const query = querySchema?.properties
    ? fc.record(
        Object.fromEntries(
          Object.entries(querySchema.properties).map(([name, s]) => [
            name,
            fc.oneof({ arbitrary: arbitraryFor(s).map(asText), weight: 3 }, { arbitrary: fc.string({ maxLength: 30 }), weight: 1 }),
          ]),
        ),
        { requiredKeys: [] },
      )
    : fc.constant({});
  const json = requestSchema(operation, profile);
  const bodySchema = json ? (z.toJSONSchema(json, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;
  const bodies: fc.Arbitrary<{ type: string; text: string } | undefined>[] = [];
  if (bodySchema) {
    for (const example of examples()[operation.id] ?? [])
      bodies.push(variations(example, bodySchema).map((v) => ({ type: 'application/json', text: JSON.stringify(v) })));
    bodies.push(arbitraryFor(bodySchema).map((v) => ({ type: 'application/json', text: JSON.stringify(v) })));
    bodies.push(fc.jsonValue({ maxDepth: 3 }).map((v) => ({ type: 'application/json', text: JSON.stringify(v) })));
    bodies.push(fc.string({ maxLength: 80 }).map((text) => ({ type: 'application/json', text })));
    bodies.push(fc.string({ maxLength: 40 }).map((text) => ({ type: 'text/plain', text })));
  }
  if (operation.form) {
    bodies.push(
      fc
        .dictionary(fc.string({ minLength: 1, maxLength: 15 }), fc.string({ maxLength: 30 }), { maxKeys: 6 })
        .map((d) => ({ type: 'application/x-www-form-urlencoded', text: new URLSearchParams(d).toString() })),
    );
  }
  const body = bodies.length ? fc.oneof(...bodies) : fc.constant(undefined);
  const caller =
    operation.security === 'officer' ? fc.constantFrom('officer', 'admin', 'police', 'nobody', 'none', 'forged') : fc.constant('none');
  const cookie =
    operation.security === 'voter'
      ? fc.constantFrom(voterCookie, '', 'voter=forged.1700000000.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')
      : fc.constant('');
  // Header parameters: absent, a key shared by many requests (so reuse happens), any text, or too long.
  const headerValue = (maxLength: number) =>
    fc.option(
      fc.oneof(
        fc.constant('contract-shared-key'),
        fc.string({ minLength: 1, maxLength: 40 }).filter((v) => /^[\x21-\x7e]+$/.test(v)),
        fc.constant('k'.repeat(maxLength + 1)),
      ),
      { nil: undefined },
    );
  const headers = fc.record(
    Object.fromEntries(Object.entries(operation.headerParams ?? {}).map(([name, h]) => [name, headerValue(h.maxLength)])),
    { requiredKeys: [] },
  );
  // What a browser, an API client or neither asks for.
  const accept = fc.constantFrom('text/html,application/xhtml+xml', 'application/json', '');
  return fc.record({ path, query, body, caller, cookie, headers, accept }).map((r) => ({
    ...r,
    headers: Object.fromEntries(Object.entries(r.headers).filter(([, v]) => v !== undefined)) as Record<string, string>,
  }));
}

async function send(operation: Operation, request: GeneratedRequest): Promise<Response> {
  const url = new URL(`${stack.url}${request.path}`);
  for (const [k, v] of Object.entries(request.query)) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...request.headers, ...(request.accept ? { accept: request.accept } : {}) };
  if (request.body) headers['content-type'] = request.body.type;
  if (request.caller === 'forged') headers.authorization = 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
  else if (request.caller !== 'none') headers.authorization = `Bearer ${tokens[request.caller]}`;
  if (request.cookie) headers.cookie = request.cookie;
  return fetch(url, { method: operation.method, headers, redirect: 'manual', ...(request.body ? { body: request.body.text } : {}) });
}

/** Why an answer breaks the contract, or undefined when it keeps it. */
async function breach(operation: Operation, res: Response): Promise<string | undefined> {
  const text = await res.text();
  if (res.status >= 500) return `${res.status}: ${text.slice(0, 200)}`;
  const spec = operation.responses[res.status];
  if (!spec) return `status ${res.status} is not in the document (${text.slice(0, 200)})`;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (type === 'application/json') {
    if (!spec.json) return `${res.status} answered JSON, which the document does not list`;
    const parsed = spec.json.safeParse(JSON.parse(text));
    return parsed.success
      ? undefined
      : `${res.status} JSON does not match its schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))} in ${text.slice(0, 200)}`;
  }
  if (type === 'text/html') return spec.html ? undefined : `${res.status} answered HTML, which the document does not list`;
  if (type === 'text/csv') return spec.csv ? undefined : `${res.status} answered CSV, which the document does not list`;
  if (type === '') return text === '' ? undefined : `${res.status} answered a body with no content type`;
  return `${res.status} answered ${type}`;
}

describe('the OpenAPI document', () => {
  it('describes every operation in the table, and every route is covered by an operation', async () => {
    const doc = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    const documented = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId));
    expect(documented.sort()).toEqual(apiOperations.map((o) => o.id).sort());
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['officerToken', 'voterCookie']);
    // Each operation is served by a route, and each route serves some operation.
    const sample = (path: string) => path.replace(/\{\w+\}/g, 'x');
    for (const o of apiOperations) expect(matchRoute(o.method, sample(o.path)).route, o.id).toBeDefined();
    for (const route of httpRoutes)
      expect(
        apiOperations.some((o) => matchRoute(o.method, sample(o.path)).route?.id === route.id),
        route.id,
      ).toBe(true);
  });
});

describe('every operation keeps to the document under generated input', () => {
  it.each(apiOperations.map((o) => [o.id, o] as const))('%s', async (_id, operation) => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(operation), async (request) => {
        const problem = await breach(operation, await send(operation, request));
        if (problem)
          throw new Error(
            `${operation.method} ${request.path} as ${request.caller}${request.body ? ` with ${request.body.type} ${request.body.text.slice(0, 120)}` : ''}: ${problem}`,
          );
      }),
      { numRuns: Number(process.env.CONTRACT_RUNS ?? 25) },
    );
  });
});
