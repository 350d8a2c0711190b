/**
 * The officer feature's ports: who is calling, as the token verifier (Cognito in AWS,
 * cognito-local here) establishes it.
 */

export interface OfficerIdentity {
  /** Cognito's stable user id (`sub`); used in the audit trail. */
  userId: string;
  username: string;
  groups: string[];
}

type VerifyResult = { ok: true; identity: OfficerIdentity } | { ok: false; status: 401; reason: string };

export interface TokenVerifier {
  verify(authorizationHeader: string | undefined): Promise<VerifyResult>;
}
