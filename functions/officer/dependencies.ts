/** What every officer endpoint uses, wired once per Lambda container. */
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Profile } from '../../shared/config/profile-schema';
import { createAuditLog } from '../adapters/dynamodb/audit-log';
import type { AuditLog } from '../reports/ports';
import { createCaseStore } from '../adapters/dynamodb/case-store';
import { createCaseReviewStore } from '../adapters/dynamodb/case-review-store';
import type { CaseReviewStore } from '../case-reviews/ports';
import type { CaseStore } from '../reports/ports';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { cachedPartners, createPartnerDirectory, type PartnerDirectory, type PartnerRecord } from '../adapters/dynamodb/partner-directory';
import { createReportStore } from '../adapters/dynamodb/report-store';
import type { ReportStore } from '../reports/ports';
import { officerTokenVerifier } from '../adapters/auth/officer-verifier';
import type { TokenVerifier } from './ports';
import { config, evidenceBuckets, pollsTableName, perRuntime } from '../config';
import { createEvidenceStore } from '../adapters/dynamodb/evidence-store';
import { objectLinks } from '../adapters/s3/object-links';
import type { EvidenceFiles, EvidenceStore } from '../evidence/ports';
import { createPollStore } from '../adapters/dynamodb/poll-store';
import type { PollStore } from '../polls/ports';
import { createPollDefinitionStore } from '../adapters/dynamodb/poll-definitions';
import type { PollDefinitionStore } from '../polls/ports';
import { clockNow } from '../adapters/clock/clock';

export interface OfficerDependencies {
  verifier: TokenVerifier;
  store: ReportStore;
  cases: CaseStore;
  /** ASB Case Review applications. */
  reviews: CaseReviewStore;
  audit: AuditLog;
  partners: PartnerDirectory;
  /** The directory read at most once a minute: for showing names, not for changing anything. */
  partnerList: () => Promise<PartnerRecord[]>;
  profile: Profile;
  now: () => Date;
  /** Polls: their definitions (drafts too, always as stored now), and ballots, tallies and events. */
  polls: { definitions: PollDefinitionStore; store: PollStore };
  /** Residents' files: their records, and short-lived addresses to open them. */
  evidence: Pick<EvidenceStore, 'list' | 'get'>;
  evidenceFiles: Pick<EvidenceFiles, 'link'>;
}

/** The wiring being built or built; emptied when a start fails, so the next request tries again. */
const wiring = perRuntime((): { built?: Promise<OfficerDependencies> } => ({}));

export function runtimeDependencies(): Promise<OfficerDependencies> {
  const slot = wiring();
  if (slot.built) return slot.built;
  const built = (async () => {
    const client = dynamoDbClient();
    const table = config().TABLE_NAME;
    const partners = createPartnerDirectory(client, table, bundledProfile.partners);
    return {
      verifier: await officerTokenVerifier(),
      store: createReportStore(client, table),
      cases: createCaseStore(client, table),
      reviews: createCaseReviewStore(client, table),
      audit: createAuditLog(client, table),
      partners,
      partnerList: cachedPartners(partners, 60_000),
      profile: bundledProfile,
      now: clockNow,
      polls: { definitions: createPollDefinitionStore(client, pollsTableName()), store: createPollStore(client, pollsTableName()) },
      evidence: createEvidenceStore(client, table),
      // Signed without the S3 client, with the credentials the DynamoDB client already has (object-links.ts).
      evidenceFiles: {
        link: objectLinks(evidenceBuckets().evidence, { region: config().AWS_REGION, endpoint: config().S3_ENDPOINT }, client.config),
      },
    };
  })();
  slot.built = built;
  // A failed start (JWKS unreachable) is retried on the next request, not cached.
  built.catch(() => {
    if (slot.built === built) slot.built = undefined;
  });
  return built;
}
