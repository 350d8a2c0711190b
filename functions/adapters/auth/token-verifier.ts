/**
 * Verifies officer access tokens with the same code locally (cognito-local) and in AWS
 * (Cognito): RS256 signature against the pool's JWKS, issuer, client id, token_use,
 * expiry, then group membership. The local issuer is refused unless LOCAL_MODE is on,
 * because cognito-local's signing key is published with the package.
 */
import { JwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { TokenVerifier } from '../../officer/ports';

export interface VerifierSettings {
  issuer: string;
  clientId: string;
  localMode: boolean;
  /** Local only: the JWKS, loaded over http by the caller (aws-jwt-verify fetches https only). */
  jwks?: Jwks;
}

/** True for an issuer that is not AWS Cognito's HTTPS endpoint (cognito-local, a test double). */
export function isLocalIssuer(issuer: string): boolean {
  return !/^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[\w-]+$/.test(issuer);
}

export function createTokenVerifier(settings: VerifierSettings): TokenVerifier {
  if (isLocalIssuer(settings.issuer) && !settings.localMode) {
    throw new Error(`Refusing the non-Cognito issuer ${settings.issuer} outside local mode`);
  }
  const verifier = JwtVerifier.create({
    issuer: settings.issuer,
    // Cognito access tokens carry client_id instead of aud; checked below.
    audience: null,
    jwksUri: `${settings.issuer}/.well-known/jwks.json`,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'access') throw new Error('Not an access token');
      if (payload.client_id !== settings.clientId) throw new Error('Token issued to another client');
    },
  });
  if (settings.jwks) verifier.cacheJwks(settings.jwks);

  return {
    async verify(header) {
      const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? '')?.[1];
      if (!token) return { ok: false, status: 401, reason: 'Sign in to continue: send an access token as "Authorization: Bearer <token>"' };
      try {
        const payload = await verifier.verify(token);
        const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [];
        return { ok: true, identity: { userId: String(payload.sub), username: String(payload.username ?? payload.sub), groups } };
      } catch {
        // Which check failed is not told to the caller (no oracle for forgers).
        return { ok: false, status: 401, reason: 'Your sign-in is not valid or has expired. Sign in again.' };
      }
    },
  };
}
