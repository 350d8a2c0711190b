/** What every officer endpoint uses, wired once per Lambda container. */
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Profile } from '../../shared/config/profile-schema';
import { createAuditLog, type AuditLog } from '../adapters/dynamodb/audit-log';
import { createCaseStore, type CaseStore } from '../adapters/dynamodb/case-store';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createPartnerDirectory, type PartnerDirectory } from '../adapters/dynamodb/partner-directory';
import { createReportStore, type ReportStore } from '../adapters/dynamodb/report-store';
import { officerTokenVerifier } from '../adapters/auth/officer-verifier';
import type { TokenVerifier } from '../adapters/auth/token-verifier';
import { config } from '../config';

export interface OfficerDependencies {
  verifier: TokenVerifier;
  store: ReportStore;
  cases: CaseStore;
  audit: AuditLog;
  partners: PartnerDirectory;
  profile: Profile;
  now: () => Date;
}

let runtime: Promise<OfficerDependencies> | undefined;

export function runtimeDependencies(): Promise<OfficerDependencies> {
  runtime ??= (async () => {
    const client = dynamoDbClient();
    const table = config().TABLE_NAME;
    return {
      verifier: await officerTokenVerifier(),
      store: createReportStore(client, table),
      cases: createCaseStore(client, table),
      audit: createAuditLog(client, table),
      partners: createPartnerDirectory(client, table, bundledProfile.partners),
      profile: bundledProfile,
      now: () => new Date(),
    };
  })();
  // A failed start (JWKS unreachable) is retried on the next request, not cached.
  runtime.catch(() => (runtime = undefined));
  return runtime;
}
