/**
 * Use case: from their private link, a resident adds something else that happened to
 * their report ("Something else happened"): checked by the shared incident schema,
 * stored as its own record in the report, and emailed to each partner already working on
 * it at that partner's data level, through the same outbox as the report, so an email
 * outage never loses it. The link is checked exactly as for reading the report.
 */
import { toFieldErrors, withFormErrors, type FieldError } from '../../shared/contracts/field-errors';
import { incidentSchema } from '../../shared/contracts/report';
import type { RateLimiter, ReportStore } from './ports';
import { pendingEntry, type IncidentRecord, type StoredReport } from './records';
import { openPrivateLink } from './view-private-report';

export interface AddIncidentDependencies {
  store: Pick<ReportStore, 'get' | 'addIncident'>;
  limiter: RateLimiter;
  linkSecret: () => Promise<string>;
  now: () => Date;
  hash: (value: string) => string;
}

export type AddIncidentResult =
  | { kind: 'added'; record: IncidentRecord; stored: StoredReport }
  | { kind: 'invalid'; errors: FieldError[]; stored: StoredReport }
  /** A closed report takes no more incidents: the resident makes a new report. */
  | { kind: 'closed'; stored: StoredReport }
  | { kind: 'not-found' }
  | { kind: 'limited'; retryAfterSeconds: number };

export async function addIncident(
  deps: AddIncidentDependencies,
  given: { reference: string | undefined; key: string | undefined; body: unknown; decodeErrors?: FieldError[] },
  caller: string,
): Promise<AddIncidentResult> {
  const opened = await openPrivateLink(deps, given, caller);
  if (opened.kind !== 'open') return opened;
  const { live } = opened;
  const now = deps.now();
  if (live.status === 'closed') return { kind: 'closed', stored: live };
  const parsed = incidentSchema.safeParse(given.body);
  const errors = withFormErrors(given.decodeErrors ?? [], parsed.success ? [] : toFieldErrors(parsed.error));
  if (!parsed.success || errors.length) return { kind: 'invalid', errors, stored: live };

  const at = now.toISOString();
  const record: IncidentRecord = { reference: live.reference, at, incident: parsed.data, expiresAt: live.expiresAt };
  // Every partner already working on the report (by the rules or by assignment), each at its own data level.
  const outbox = live.routes.map((route) =>
    pendingEntry(
      live,
      { kind: 'partner', partnerId: route.partnerId, dataLevel: route.dataLevel, incidentAt: at },
      now,
      `incident-${now.getTime().toString(36)}`,
    ),
  );
  const listedFor = live.routes.map((r) => r.partnerId);
  if ((await deps.store.addIncident(record, outbox, listedFor)) === 'gone') return { kind: 'not-found' };
  return { kind: 'added', record, stored: live };
}
