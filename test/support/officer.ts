/** Signs in the demo users against cognito-local and calls the officer API as them. */
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { LocalStack } from '../../infra/local/local-stack';

/** Access tokens by the demo user's name before the @ (admin, officer, police, nobody). */
export async function signInDemoUsers(stack: LocalStack): Promise<Record<string, { access: string; id: string }>> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: stack.cognito.endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tokens: Record<string, { access: string; id: string }> = {};
  for (const user of stack.cognito.users) {
    const out = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: stack.cognito.clientId,
        AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
      }),
    );
    tokens[user.username.split('@')[0]!] = { access: out.AuthenticationResult!.AccessToken!, id: out.AuthenticationResult!.IdToken! };
  }
  cognito.destroy();
  return tokens;
}

/** A JSON call to the API with a bearer token; returns the status and parsed body. */
export async function callApi<T = Record<string, unknown>>(
  stack: LocalStack,
  token: string | undefined,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const res = await fetch(`${stack.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body: body as T, text, headers: res.headers };
}
