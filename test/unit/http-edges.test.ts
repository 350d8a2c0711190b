/**
 * Edges of the HTTP layer that attackers probe first: redirects that could leave the
 * site, and percent-encoding that does not decode. The CloudFront Function (AWS) and
 * the local server are held to the same list of hostile paths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../functions/routes';
import { handleOfficer } from '../../functions/officer/handler';
import type { OfficerDependencies } from '../../functions/officer/dependencies';
import { sitePath } from '../../infra/local/http-server';

const cloudFront = new Function(
  `${readFileSync(join(import.meta.dirname, '../../infra/aws/site-request.js'), 'utf8')}; return handler;`,
)() as (e: unknown) => { statusCode?: number; headers?: { location: { value: string } } };

/** Paths a browser would read as another host if echoed into a Location header. */
const HOSTILE_PATHS = [
  '//evil.example/x',
  '/\\evil.example/x',
  '///evil.example',
  '/\\/evil.example/x',
  '/./\\evil.example',
  '/\t/evil.example/x',
  '//\\\\evil.example',
];

/** True when a Location value can only mean a path on this site. */
const staysOnSite = (location: string) => location.startsWith('/') && !/^[/\\]{2}/.test(location) && !/[\x00-\x20\\]/.test(location);

describe('redirects only ever go to a path on this site', () => {
  it.each(HOSTILE_PATHS)('CloudFront Function: %j', (uri) => {
    // A last segment with a dot is a file: passed to the bucket unchanged, with no redirect.
    for (const path of [uri, `${uri}/page`]) {
      const out = cloudFront({ request: { uri: path, querystring: {}, headers: {} } });
      if (out.statusCode === undefined) continue;
      expect(out.statusCode).toBe(301);
      expect(staysOnSite(out.headers!.location.value), out.headers!.location.value).toBe(true);
    }
    expect(cloudFront({ request: { uri: `${uri}/page`, querystring: {}, headers: {} } }).statusCode).toBe(301);
  });

  it.each(HOSTILE_PATHS)('local server: %j', (path) => {
    expect(staysOnSite(`${sitePath(path)}/`)).toBe(true);
  });
});

describe('malformed percent-encoding is a bad request, never a 500', () => {
  it('the route table reports it instead of throwing', () => {
    expect(matchRoute('GET', '/api/polls/%E0%A4%A/results')).toMatchObject({ route: undefined, malformed: true });
    expect(matchRoute('GET', '/api/reports/%E0%A4%A/confirmation')).toMatchObject({ route: undefined, malformed: true });
    expect(matchRoute('GET', '/api/polls/ok/results')).toMatchObject({ pathParameters: { id: 'ok', view: 'results' } });
  });

  it('the route table lists the methods a path takes for a 405', () => {
    expect(matchRoute('DELETE', '/api/openapi.json')).toEqual({ route: undefined, allowed: ['GET', 'HEAD'] });
    expect(matchRoute('GET', '/api/nothing-here')).toEqual({ route: undefined, allowed: [] });
  });

  it('the officer API answers 400 for a broken rawPath before asking for sign-in (API Gateway event)', async () => {
    const event = {
      version: '2.0',
      rawPath: '/api/officer/reports/%E0%A4%A',
      headers: {},
      requestContext: { requestId: 'r1', http: { method: 'GET', path: '/api/officer/reports/%E0%A4%A', sourceIp: '192.0.2.1' } },
    } as unknown as APIGatewayProxyEventV2;
    const res = await handleOfficer({} as OfficerDependencies, event);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(String(res.body)).message).toMatch(/wrongly encoded/);
    const wrongMethod = await handleOfficer({} as OfficerDependencies, {
      ...event,
      rawPath: '/api/officer/audit',
      requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'DELETE' } },
    });
    expect(wrongMethod).toMatchObject({ statusCode: 405, headers: { Allow: 'GET, HEAD' } });
  });
});
