/**
 * What keeps local settings out of AWS and gets the edge right: the functions' own
 * configuration check, the synth-time check of every deployed environment, the deployment
 * parameters, the viewer address behind CloudFront and the CloudFront site function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchRoute } from '../../functions/routes';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/config';
import { clientAddress } from '../../functions/adapters/http/client-address';
import { createTokenVerifier } from '../../functions/adapters/auth/token-verifier';
import { localSettingProblems } from '../../infra/aws/deployed-environment';
import { parseDeployParameters, stackNames } from '../../infra/aws/deploy-parameters';

const base = { TABLE_NAME: 'reports' };

describe('a function in the prod stage', () => {
  it('refuses local mode, so local endpoints and the local sign-in issuer cannot be accepted', () => {
    expect(() => parseConfig({ ...base, STAGE: 'prod', LOCAL_MODE: 'true' })).toThrow(/LOCAL_MODE cannot be on in the prod stage/);
    expect(() => parseConfig({ ...base, STAGE: 'prod', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })).toThrow(/local-only/);
    expect(() => parseConfig({ ...base, STAGE: 'prod', SES_ENDPOINT: 'http://127.0.0.1:8005' })).toThrow(/local-only/);
    expect(parseConfig({ ...base, STAGE: 'prod' })).toMatchObject({ STAGE: 'prod', LOCAL_MODE: 'false' });
  });

  it('refuses a local JWT issuer (local mode being off)', () => {
    const { LOCAL_MODE } = parseConfig({ ...base, STAGE: 'prod' });
    expect(() =>
      createTokenVerifier({ issuer: 'http://127.0.0.1:9229/local_pool', clientId: 'c', localMode: LOCAL_MODE === 'true' }),
    ).toThrow(/Refusing the non-Cognito issuer/);
  });
});

describe('the synth-time check of deployed environments', () => {
  const good = {
    STAGE: 'prod',
    TABLE_NAME: 't',
    COGNITO_ISSUER: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-2.amazonaws.com/', { Ref: 'Pool' }]] },
  };

  it('passes the environment the stack gives', () => {
    expect(localSettingProblems(good, 'eu-west-2')).toEqual([]);
  });

  it('names every local setting and a non-Cognito issuer', () => {
    expect(
      localSettingProblems(
        { ...good, LOCAL_MODE: 'true', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', SES_ENDPOINT: 'x', AWS_ACCESS_KEY_ID: 'local' },
        'eu-west-2',
      ),
    ).toEqual([
      'LOCAL_MODE is for the local stack only',
      'DYNAMODB_ENDPOINT is for the local stack only',
      'SES_ENDPOINT is for the local stack only',
      'AWS_ACCESS_KEY_ID is for the local stack only',
    ]);
    expect(localSettingProblems({ ...good, COGNITO_ISSUER: 'http://127.0.0.1:9229/local_pool' }, 'eu-west-2')).toEqual([
      expect.stringContaining("COGNITO_ISSUER must be this region's Cognito"),
    ]);
    expect(localSettingProblems({ ...good, COGNITO_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/pool' }, 'eu-west-2')).toHaveLength(
      1,
    );
    expect(localSettingProblems({ TABLE_NAME: 't' }, 'eu-west-2')).toEqual(['STAGE must be dev or prod']);
  });
});

describe('deployment parameters', () => {
  it('defaults the region and accepts a dev stage with nothing else', () => {
    expect(parseDeployParameters({ stage: 'dev' })).toEqual({ stage: 'dev', region: 'eu-west-2' });
  });

  it('names every problem at once', () => {
    expect(() => parseDeployParameters({ stage: 'prod' })).toThrow(/site’s own domain[\s\S]*receive alarms/);
    expect(() => parseDeployParameters({ stage: 'staging' })).toThrow(/stage must be dev or prod/);
    expect(() => parseDeployParameters({ stage: 'dev', domainName: 'reports.example.gov.uk' })).toThrow(/go together/);
    expect(() =>
      parseDeployParameters({
        stage: 'dev',
        domainName: 'x',
        certificateArn: 'arn:aws:acm:eu-west-2:111111111111:certificate/abc',
        alarmEmail: 'nope',
      }),
    ).toThrow(/email address[\s\S]*host name[\s\S]*us-east-1/);
  });

  it('gives each partnership and stage stacks of their own, so one account holds several', () => {
    const names = [stackNames('north-district', 'prod'), stackNames('south-district', 'prod'), stackNames('north-district', 'dev')];
    const all = names.flatMap((n) => [n.edge, n.portal]);
    expect(new Set(all).size).toBe(6);
    expect(names[0]).toEqual({ edge: 'CspPortalEdge-north-district-prod', portal: 'CspPortal-north-district-prod' });
  });
});

describe('the viewer address behind CloudFront', () => {
  const event = (headers: Record<string, string>) => ({ headers, requestContext: { http: { sourceIp: '130.176.1.1' } } }) as never;
  it('prefers CloudFront-Viewer-Address (IPv4 and IPv6, port removed) over the edge server address', () => {
    expect(clientAddress(event({ 'cloudfront-viewer-address': '198.51.100.10:46532' }))).toBe('198.51.100.10');
    expect(clientAddress(event({ 'cloudfront-viewer-address': '2001:db8::1:46532' }))).toBe('2001:db8::1');
    expect(clientAddress(event({}))).toBe('130.176.1.1');
    expect(clientAddress(event({ 'cloudfront-viewer-address': '<script>:1' }))).toBe('130.176.1.1');
  });
});

describe('the CloudFront site request function', () => {
  const handler = new Function(
    `${readFileSync(join(import.meta.dirname, '../../infra/aws/site-request.js'), 'utf8')}; return handler;`,
  )() as (e: unknown) => { uri?: string; statusCode?: number; headers?: { location: { value: string } } };
  const request = (uri: string, querystring: Record<string, unknown> = {}) => handler({ request: { uri, querystring, headers: {} } });

  it('sends the pages a function renders to their API routes without the trailing slash', () => {
    const page = new Function(
      `${readFileSync(join(import.meta.dirname, '../../infra/aws/page-request.js'), 'utf8')}; return handler;`,
    )() as (e: unknown) => { uri: string };
    const forward = (uri: string) => page({ request: { uri, querystring: {}, headers: {} } }).uri;
    expect(forward('/polls/')).toBe('/polls');
    expect(forward('/polls/summer-fete/')).toBe('/polls/summer-fete');
    expect(forward('/polls/summer-fete/vote/')).toBe('/polls/summer-fete/vote');
    expect(forward('/polls/summer-fete/vote')).toBe('/polls/summer-fete/vote');
    for (const uri of ['/polls', '/polls/', '/polls/summer-fete/', '/polls/summer-fete/vote/'])
      expect(matchRoute('GET', forward(uri)).route?.page, uri).toBe(true);
  });

  it('serves folder URLs from their index.html and files as they are', () => {
    expect(request('/').uri).toBe('/index.html');
    expect(request('/report/').uri).toBe('/report/index.html');
    expect(request('/assets/portal.css').uri).toBe('/assets/portal.css');
  });

  it('redirects a page URL without its trailing slash, keeping the query', () => {
    expect(request('/polls')).toMatchObject({ statusCode: 301, headers: { location: { value: '/polls/' } } });
    const out = request('/search', { q: { value: 'hate%20crime' }, tag: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b c' }] } });
    expect(out.headers!.location.value).toBe('/search/?q=hate%20crime&tag=a&tag=b%20c');
  });
});
