/**
 * One local port for the whole portal, as CloudFront gives in AWS: `/api/*` and the pages
 * a function renders (`/polls/…`) become an API Gateway HTTP API v2 event for the same
 * handler Lambda runs; everything else is a file from the built site, with the same
 * security headers the CDN adds.
 */
import { redactPrivateLink } from '../../functions/reports/private-link';
import { redactEvidenceQuery } from '../../functions/evidence/upload-token';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { decodePathSegment, matchRoute, type HttpRoute } from '../../functions/routes';
import { httpHandler } from '../../functions/adapters/http/middleware';
import { jsonMessage, type HttpResult } from '../../functions/adapters/http/responses';
import { siteSecurityHeaders } from '../site-security-headers';

export type LambdaHttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Beyond API Gateway's own limit a request never reaches a handler. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

export interface LocalServerOptions {
  port: number;
  host?: string;
  siteDir: string;
  /** A built page as it is published now, if it has been rewritten since the build (the live regions). */
  published?: (path: string) => string | undefined;
  /** Loads a route's handler (imported lazily, after the environment is set). */
  loadHandler: (route: HttpRoute) => Promise<LambdaHttpHandler>;
  onRequest?: (line: string) => void;
  /** Called once a function has answered: what it wrote is on the table's stream. */
  afterFunction?: () => void;
  /** Origin of the sign-in service (cognito-local), allowed in the pages' connect-src. */
  signInOrigin?: string;
  /** Where residents' files are opened from (the local S3): the report page shows photos from there. */
  evidenceOrigin?: string;
  /** Named on the error pages the server renders itself. */
  partnershipName: string;
}

export async function startHttpServer(options: LocalServerOptions): Promise<{ server: Server; url: string; stop(): Promise<void> }> {
  const handlers = new Map<string, Promise<LambdaHttpHandler>>();
  const ownAnswer = ownAnswerer(options.partnershipName);
  const server = createServer((req, res) => {
    const started = performance.now();
    // A private link's key is a password to a report: it never reaches the log.
    const done = () =>
      options.onRequest?.(
        `${req.method} ${redactEvidenceQuery(redactPrivateLink(req.url ?? ''))} ${res.statusCode} ${(performance.now() - started).toFixed(0)}ms`,
      );
    res.once('finish', done);
    // Origin-form targets are appended, not resolved: `//x` is a path here, never a host.
    const target = req.url ?? '/';
    const url = target.startsWith('/') ? new URL(`http://localhost${target}`) : new URL(target, 'http://localhost');
    // The API, and the site's pages that a function renders (the poll pages), as CloudFront routes them.
    const isApi = url.pathname.startsWith('/api/') || matchRoute('GET', url.pathname).route?.page === true;
    if (isApi && options.afterFunction) res.once('close', options.afterFunction);
    const siteHeaders = siteSecurityHeaders(options.signInOrigin, options.evidenceOrigin);
    const work = isApi
      ? serveApi(req, res, url, options, handlers, ownAnswer)
      : serveStatic(req, res, url, options.siteDir, siteHeaders, options.published);
    work.catch(async () => {
      if (res.headersSent) return void res.end();
      // The same generic 500 (with a correlation id) a handler's error boundary gives.
      if (isApi)
        return writeResult(
          res,
          await ownAnswer(toEvent(req, url, undefined, {}, Buffer.alloc(0)), () => Promise.reject(new Error('Local server failure'))),
        );
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...siteHeaders });
      res.end('Sorry, something went wrong. Please try again.');
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

async function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: LocalServerOptions,
  handlers: Map<string, Promise<LambdaHttpHandler>>,
  ownAnswer: ReturnType<typeof ownAnswerer>,
): Promise<void> {
  const match = matchRoute(req.method ?? 'GET', url.pathname);
  if (!match.route) {
    const event = toEvent(req, url, undefined, {}, Buffer.alloc(0));
    const answer = match.malformed
      ? jsonMessage(400, 'This address is not valid: part of it is wrongly encoded. Check the link and try again.')
      : match.allowed.length
        ? jsonMessage(405, `Use ${match.allowed.join(' or ')} here`, { Allow: match.allowed.join(', ') })
        : jsonMessage(404, 'There is nothing at this address. Check the link, or start from the home page.');
    return writeResult(res, await ownAnswer(event, async () => answer));
  }
  const body = await readBody(req);
  if (body === undefined) {
    const event = toEvent(req, url, undefined, {}, Buffer.alloc(0));
    return writeResult(
      res,
      await ownAnswer(event, async () => jsonMessage(413, 'The request is too large to send (10 MB at most).', { Connection: 'close' })),
    );
  }
  const route = match.route;
  if (!handlers.has(route.id)) handlers.set(route.id, options.loadHandler(route));
  const handler = await handlers.get(route.id)!;
  const event = toEvent(req, url, route, match.pathParameters, body);
  const result = await handler(event, lambdaContext(route.id, event.requestContext.requestId));
  writeResult(res, result);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GATEWAY_MAX_BODY) {
        ok(undefined);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/**
 * Answers the local server gives itself (its 404, 405, 413 and 500) go through the same
 * middy stack as every handler, so they carry the same security headers and, for a 500,
 * the same generic message with a correlation id.
 */
function ownAnswerer(partnershipName: string) {
  // One middy stack for the server's life; each request's answer travels with its event.
  const answers = new WeakMap<APIGatewayProxyEventV2, () => Promise<HttpResult>>();
  const stack = httpHandler((event) => answers.get(event)!(), partnershipName, 'your request has not been completed');
  return (event: APIGatewayProxyEventV2, answer: () => Promise<HttpResult>): Promise<APIGatewayProxyResultV2> => {
    answers.set(event, answer);
    return stack(event, lambdaContext('local-server', event.requestContext.requestId)) as Promise<APIGatewayProxyResultV2>;
  };
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  route: HttpRoute | undefined,
  pathParameters: Record<string, string>,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const now = new Date();
  const routeKey = route ? `${route.method} ${route.path}` : '$default';
  const query = Object.fromEntries(url.searchParams);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(req.headers.cookie ? { cookies: req.headers.cookie.split(/;\s*/) } : {}),
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: body.toString('base64'), isBase64Encoded: true } : { isBase64Encoded: false }),
  };
}

/** Lambda's limit for the HTTP functions (infra/aws/portal-functions.ts): the clock handlers plan retries by. */
const FUNCTION_TIMEOUT_MS = 10_000;

function lambdaContext(functionName: string, requestId: string): Context {
  const deadline = Date.now() + FUNCTION_TIMEOUT_MS;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(result);
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  if (result.cookies?.length) headers['Set-Cookie'] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}

async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  siteDir: string,
  headers: Record<string, string>,
  published: (path: string) => string | undefined = () => undefined,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end('Method not allowed');
    return;
  }
  const root = resolve(siteDir);
  const pathname = decodePathSegment(url.pathname);
  // A broken percent-encoding is a bad request, answered with the not-found page.
  let file = pathname === undefined ? join(root, '404.html') : normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) file = join(root, '404.html');
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${sitePath(url.pathname)}/${url.search}`, ...headers });
      res.end();
      return;
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  let status = pathname === undefined ? 400 : 200;
  if (!info?.isFile()) {
    // A bad request stays 400 even when the site has no not-found page to show with it.
    if (status !== 400) status = 404;
    file = join(root, '404.html');
    info = await stat(file).catch(() => undefined);
    if (!info) {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(status === 400 ? 'Bad request: the address is wrongly encoded' : 'Not found');
      return;
    }
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const rewritten = status === 200 ? published(relative(root, file).split(sep).join('/')) : undefined;
  if (rewritten !== undefined) {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(rewritten), 'Cache-Control': 'no-cache', ...headers });
    return void res.end(req.method === 'HEAD' ? undefined : rewritten);
  }
  // Hashed build assets never change; pages and the stylesheet are revalidated.
  const cache = file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': info!.size, 'Cache-Control': cache, ...headers });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

/**
 * A path on this site for a redirect: runs of slashes and backslashes become one slash, so
 * `/.//polls` (which URL parsing turns into `//polls`) cannot redirect to another host. The
 * CloudFront Function (infra/aws/site-request.js) does the same in AWS.
 */
export function sitePath(pathname: string): string {
  return pathname
    .replace(/[\\/]+/g, '/')
    .replace(/[\x00-\x20\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}
