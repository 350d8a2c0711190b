/**
 * Runtime configuration, read from the environment once and validated, so a missing
 * variable fails at cold start with its name rather than on the first request.
 */
import * as z from 'zod/mini';

const configSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** The polls table (ballots, counters, event tallies); needed only by the poll functions. */
  POLLS_TABLE_NAME: z.optional(z.string().check(z.minLength(1))),
  /** Where the built site is published, and the CDN in front of it: needed only by the site-regions job. */
  SITE_BUCKET: z.optional(z.string().check(z.minLength(1))),
  DISTRIBUTION_ID: z.optional(z.string().check(z.minLength(1))),
  /** Residents' files: where uploads land to be scanned, and where clean files are kept. Needed only by the evidence functions. */
  QUARANTINE_BUCKET: z.optional(z.string().check(z.minLength(1))),
  EVIDENCE_BUCKET: z.optional(z.string().check(z.minLength(1))),
  AWS_REGION: z._default(z.string(), 'eu-west-2'),
  /** Set only for the local stack: DynamoDB Local / SES local endpoints. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  SES_ENDPOINT: z.optional(z.url()),
  /** The local S3 server (and the browser's address for uploads to it). */
  S3_ENDPOINT: z.optional(z.url()),
  /** SES configuration set (AWS only), so bounces and complaints are tracked. */
  SES_CONFIGURATION_SET: z.optional(z.string()),
  /** The deployed stage (set by the stack); absent locally. Production never runs in local mode. */
  STAGE: z.optional(z.enum(['dev', 'prod'])),
  /** "true" only under `npm start` and the tests; enables local endpoints and issuers. */
  LOCAL_MODE: z._default(z.enum(['true', 'false']), 'false'),
  /** Officer sign-in: the user pool's issuer URL and the workspace's app client id. */
  COGNITO_ISSUER: z.optional(z.url()),
  COGNITO_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
  /** Base URL of the public site, used in resident emails. */
  SITE_URL: z._default(z.url(), 'http://localhost:4321'),
});

export type Config = z.infer<typeof configSchema>;

/**
 * What a process builds once from its configuration: the configuration itself, and each
 * function's clients and stores. In Lambda it is built on the first request and kept. The
 * local stack may start more than once in one process (the test runner's workers run one
 * file after another, each with tables of its own), so it resets all of it when it sets a
 * new environment, and nothing a function wired for the last start is used by the next.
 */
const resets = new Set<() => void>();

/** `make()` on the first call, then its value, until the runtime is reset. */
export function perRuntime<T>(make: () => T): () => T {
  let built: { value: T } | undefined;
  resets.add(() => {
    built = undefined;
  });
  return () => {
    built ??= { value: make() };
    return built.value;
  };
}

/** Forgets everything built from the configuration: the local stack, when it sets the environment and when it puts it back. */
export function resetRuntime(): void {
  for (const reset of resets) reset();
}

export const config: () => Config = perRuntime(() => parseConfig(process.env));

/** Validates an environment: names what is missing, and refuses local settings where they do not belong. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ');
    throw new Error(`Invalid or missing environment variables: ${names}`);
  }
  if (result.data.STAGE === 'prod' && result.data.LOCAL_MODE === 'true') {
    throw new Error('LOCAL_MODE cannot be on in the prod stage: it would accept local endpoints and sign-in tokens');
  }
  if (result.data.LOCAL_MODE !== 'true' && (result.data.DYNAMODB_ENDPOINT || result.data.SES_ENDPOINT || result.data.S3_ENDPOINT)) {
    throw new Error('DYNAMODB_ENDPOINT, SES_ENDPOINT and S3_ENDPOINT are local-only; set LOCAL_MODE=true or remove them');
  }
  return result.data;
}

/** The polls table's name, for the functions that need it: a clear error if it is missing. */
export function pollsTableName(): string {
  const name = config().POLLS_TABLE_NAME;
  if (!name) throw new Error('Invalid or missing environment variables: POLLS_TABLE_NAME');
  return name;
}

/** The two evidence buckets, for the functions that need them: a clear error if either is missing. */
export function evidenceBuckets(): { quarantine: string; evidence: string } {
  const { QUARANTINE_BUCKET: quarantine, EVIDENCE_BUCKET: evidence } = config();
  if (!quarantine || !evidence) throw new Error('Invalid or missing environment variables: QUARANTINE_BUCKET, EVIDENCE_BUCKET');
  return { quarantine, evidence };
}
