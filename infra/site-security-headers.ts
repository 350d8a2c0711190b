/**
 * The security headers on the site's files: one definition for the CloudFront response
 * headers policy (infra/aws/site-hosting.ts) and the local server (infra/local/http-server.ts),
 * so the browser tests run the pages under the policy residents get.
 */

/**
 * No inline script or style: everything is a file from the site itself. Site search
 * (Pagefind) runs WebAssembly, hence 'wasm-unsafe-eval'. The workspace's sign-in talks
 * to Cognito's endpoint; the report page shows residents' photos from the evidence bucket,
 * through addresses signed for a few minutes. No other origin is allowed.
 */
export function contentSecurityPolicy(signInOrigin?: string, evidenceOrigin?: string): string {
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:${evidenceOrigin ? ` ${evidenceOrigin}` : ''}; connect-src 'self'${signInOrigin ? ` ${signInOrigin}` : ''}; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`;
}

/** Full URLs stay on the site; other sites see only the origin (never a case or poll path). */
const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** HSTS for a year (CloudFront only: the local server is plain http). */
export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The headers as a plain map, for the local server. */
export function siteSecurityHeaders(signInOrigin?: string, evidenceOrigin?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(signInOrigin, evidenceOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': REFERRER_POLICY,
    'X-Frame-Options': 'DENY',
  };
}
