/**
 * What a deployed function must never be given: local mode, local service endpoints,
 * local credentials or a sign-in issuer that is not Cognito. The functions refuse these
 * at cold start too (functions/config.ts, functions/adapters/auth/token-verifier.ts);
 * checking at synth means such a stack is never deployed at all.
 */

const LOCAL_ONLY = ['LOCAL_MODE', 'DYNAMODB_ENDPOINT', 'SES_ENDPOINT', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];

/** The literal text of a resolved CloudFormation value (a string, or an Fn::Join of parts), tokens as "…". */
function literal(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
  if (join) return join[1].map((part) => (typeof part === 'string' ? part : '…')).join(join[0]);
  return undefined;
}

/** Problems with one function's resolved environment variables (empty when deployable). */
export function localSettingProblems(variables: Record<string, unknown>, region: string): string[] {
  const problems = LOCAL_ONLY.filter((name) => name in variables).map((name) => `${name} is for the local stack only`);
  if (variables.STAGE !== 'dev' && variables.STAGE !== 'prod') problems.push('STAGE must be dev or prod');
  if ('COGNITO_ISSUER' in variables) {
    const issuer = literal(variables.COGNITO_ISSUER);
    if (!issuer?.startsWith(`https://cognito-idp.${region}.amazonaws.com/`))
      problems.push(
        `COGNITO_ISSUER must be this region's Cognito (https://cognito-idp.${region}.amazonaws.com/…), not ${issuer ?? 'an unknown value'}`,
      );
  }
  return problems;
}
