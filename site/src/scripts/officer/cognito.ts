/**
 * Officer sign-in against Cognito's own API from the browser (the same calls work on
 * cognito-local): USER_PASSWORD_AUTH, then whatever challenge the pool sets — a new
 * password, an authenticator app code, or setting up the authenticator app (the AWS
 * pool requires MFA). The password goes only to Cognito, never to the portal's API.
 */
export interface SignInConfig {
  endpoint: string;
  clientId: string;
}

export type Step =
  | { kind: 'done'; accessToken: string }
  | { kind: 'new-password'; session: string; username: string }
  | { kind: 'mfa-code'; session: string; username: string }
  | { kind: 'mfa-setup'; session: string; username: string; secret: string };

export class SignInError extends Error {}

type Fetch = typeof fetch;

async function call(config: SignInConfig, target: string, body: unknown, fetcher: Fetch): Promise<Record<string, unknown>> {
  const res = await fetcher(config.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
  });
  const out = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const type = String(out.__type ?? '');
    // cognito-local answers a wrong password with InvalidPasswordException; Cognito with NotAuthorized.
    if (/NotAuthorized|UserNotFound/.test(type) || (target === 'InitiateAuth' && /InvalidPassword/.test(type)))
      throw new SignInError('The email address or password is not right. Check them and try again.');
    if (/CodeMismatch|EnableSoftwareTokenMFA/.test(type))
      throw new SignInError('That code is not right or has expired. Enter the current 6-digit code from your authenticator app.');
    if (/InvalidPassword/.test(type))
      throw new SignInError(
        String(
          out.message ?? 'Choose a stronger password: at least 12 characters with upper and lower case letters, a number and a symbol.',
        ),
      );
    if (/TooManyRequests|LimitExceeded/.test(type)) throw new SignInError('Too many attempts. Wait a few minutes and try again.');
    throw new SignInError('Sign-in is not available just now. Try again in a few minutes.');
  }
  return out;
}

async function next(config: SignInConfig, out: Record<string, unknown>, username: string, fetcher: Fetch): Promise<Step> {
  const result = out.AuthenticationResult as { AccessToken?: string } | undefined;
  if (result?.AccessToken) return { kind: 'done', accessToken: result.AccessToken };
  const session = String(out.Session ?? '');
  switch (out.ChallengeName) {
    case 'NEW_PASSWORD_REQUIRED':
      return { kind: 'new-password', session, username };
    case 'SOFTWARE_TOKEN_MFA':
      return { kind: 'mfa-code', session, username };
    case 'MFA_SETUP': {
      const associated = await call(config, 'AssociateSoftwareToken', { Session: session }, fetcher);
      return { kind: 'mfa-setup', session: String(associated.Session ?? session), username, secret: String(associated.SecretCode ?? '') };
    }
    default:
      throw new SignInError('This account needs a sign-in step the workspace does not support. Ask an administrator.');
  }
}

export async function startSignIn(config: SignInConfig, username: string, password: string, fetcher: Fetch = fetch): Promise<Step> {
  const out = await call(
    config,
    'InitiateAuth',
    { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } },
    fetcher,
  );
  return next(config, out, username, fetcher);
}

/** Answers the current step: a new password, a code, or the first code of a new authenticator. */
export async function continueSignIn(
  config: SignInConfig,
  step: Exclude<Step, { kind: 'done' }>,
  answer: string,
  fetcher: Fetch = fetch,
): Promise<Step> {
  if (step.kind === 'mfa-setup') {
    const verified = await call(
      config,
      'VerifySoftwareToken',
      { Session: step.session, UserCode: answer, FriendlyDeviceName: 'Authenticator' },
      fetcher,
    );
    const out = await call(
      config,
      'RespondToAuthChallenge',
      {
        ClientId: config.clientId,
        ChallengeName: 'MFA_SETUP',
        Session: String(verified.Session ?? step.session),
        ChallengeResponses: { USERNAME: step.username },
      },
      fetcher,
    );
    return next(config, out, step.username, fetcher);
  }
  const responses =
    step.kind === 'new-password'
      ? { USERNAME: step.username, NEW_PASSWORD: answer }
      : { USERNAME: step.username, SOFTWARE_TOKEN_MFA_CODE: answer };
  const out = await call(
    config,
    'RespondToAuthChallenge',
    {
      ClientId: config.clientId,
      ChallengeName: step.kind === 'new-password' ? 'NEW_PASSWORD_REQUIRED' : 'SOFTWARE_TOKEN_MFA',
      Session: step.session,
      ChallengeResponses: responses,
    },
    fetcher,
  );
  return next(config, out, step.username, fetcher);
}
