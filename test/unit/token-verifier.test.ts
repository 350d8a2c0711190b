import { describe, expect, it } from 'vitest';
import { createTokenVerifier, isLocalIssuer } from '../../functions/adapters/auth/token-verifier';

describe('token verifier configuration', () => {
  it('refuses a local issuer outside local mode', () => {
    expect(() => createTokenVerifier({ issuer: 'http://localhost:9229/local_abc', clientId: 'c', localMode: false })).toThrow(
      /Refusing the non-Cognito issuer/,
    );
    expect(() => createTokenVerifier({ issuer: 'https://evil.example/eu-west-2_abc', clientId: 'c', localMode: false })).toThrow(
      /Refusing/,
    );
  });

  it('accepts the Cognito issuer in AWS, and a local issuer only in local mode', () => {
    expect(isLocalIssuer('https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC123')).toBe(false);
    expect(() =>
      createTokenVerifier({ issuer: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC123', clientId: 'c', localMode: false }),
    ).not.toThrow();
    expect(() => createTokenVerifier({ issuer: 'http://localhost:9229/local_abc', clientId: 'c', localMode: true })).not.toThrow();
  });

  it('answers 401 without calling out when there is no bearer token', async () => {
    const verifier = createTokenVerifier({
      issuer: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC123',
      clientId: 'c',
      localMode: false,
    });
    expect(await verifier.verify(undefined)).toMatchObject({ ok: false, status: 401 });
    expect(await verifier.verify('Basic dXNlcjpwYXNz')).toMatchObject({ ok: false, status: 401 });
  });
});
