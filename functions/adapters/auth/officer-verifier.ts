/** The token verifier for officer routes, configured from the environment. */
import type { Jwks } from 'aws-jwt-verify/jwk';
import { config } from '../../config';
import { createTokenVerifier, isLocalIssuer } from './token-verifier';
import type { TokenVerifier } from '../../officer/ports';

export async function officerTokenVerifier(): Promise<TokenVerifier> {
  const { COGNITO_ISSUER, COGNITO_CLIENT_ID, LOCAL_MODE } = config();
  if (!COGNITO_ISSUER || !COGNITO_CLIENT_ID) throw new Error('COGNITO_ISSUER and COGNITO_CLIENT_ID must be set for officer routes');
  const localMode = LOCAL_MODE === 'true';
  // aws-jwt-verify fetches JWKS over https only; cognito-local serves http, so load it here.
  const jwks =
    localMode && isLocalIssuer(COGNITO_ISSUER)
      ? ((await (await fetch(`${COGNITO_ISSUER}/.well-known/jwks.json`)).json()) as Jwks)
      : undefined;
  return createTokenVerifier({ issuer: COGNITO_ISSUER, clientId: COGNITO_CLIENT_ID, localMode, ...(jwks ? { jwks } : {}) });
}
