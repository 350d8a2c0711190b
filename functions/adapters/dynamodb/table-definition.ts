/**
 * The reports table, described once. The CDK stack (infra/aws) and the local stack
 * (infra/local) both build their table from this, so local and AWS cannot drift.
 *
 * Single-table layout (all items under one report share its partition):
 *   REPORT#<ref> / REPORT            the report
 *   REPORT#<ref> / OUTBOX#<target>   one email to send (partner or resident)
 *   IDEMPOTENCY#<hash> / IDEMPOTENCY  a recent submission's reference (10-minute window)
 * `outbox-pending` is a sparse index holding only unsent outbox items, sorted by when
 * each may next be tried, so the sweeper queries exactly the entries that are due
 * instead of scanning the table or paging past entries still backing off.
 */
export const reportsTable = {
  logicalName: 'reports',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  streamView: 'NEW_IMAGE' as const,
  indexes: [{ name: 'outbox-pending', partitionKey: 'outboxPending', sortKey: 'nextAttemptAt' }],
};

/** Key helpers: the only place item keys are spelled. */
export const keys = {
  report: (reference: string) => ({ pk: `REPORT#${reference}`, sk: 'REPORT' }),
  outbox: (reference: string, target: string) => ({ pk: `REPORT#${reference}`, sk: `OUTBOX#${target}` }),
  idempotency: (hash: string) => ({ pk: `IDEMPOTENCY#${hash}`, sk: 'IDEMPOTENCY' }),
};

/** Value of the sparse index key while an outbox item is unsent. */
export const PENDING = 'PENDING';
