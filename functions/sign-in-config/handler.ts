/**
 * GET /api/sign-in-config: where the workspace's sign-in page sends the officer's
 * username and password (Cognito's endpoint, or cognito-local's) and the app client id.
 * Neither is secret: a public client has no secret, and the endpoint is Cognito's own.
 */
import { bundledProfile } from '../../shared/config/bundled-profile';
import { httpHandler } from '../adapters/http/middleware';
import { json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import { config } from '../config';

export function signInConfig(env: { COGNITO_ISSUER?: string; COGNITO_CLIENT_ID?: string }): HttpResult {
  if (!env.COGNITO_ISSUER || !env.COGNITO_CLIENT_ID) return jsonMessage(503, 'Officer sign-in is not configured');
  // The issuer is "<endpoint>/<pool id>": the API endpoint is its origin.
  const endpoint = `${new URL(env.COGNITO_ISSUER).origin}/`;
  return json(200, { endpoint, clientId: env.COGNITO_CLIENT_ID });
}

export const handler = httpHandler(async () => signInConfig(config()), bundledProfile.name);
