/**
 * Linking reports into one case, and unlinking them: the `link` and `unlink` case actions.
 * The rules are shared/domain/cases.ts; this reads what they need, and writes the case and
 * every report whose case changes in one transaction guarded by their versions (409 when
 * anyone changed them meanwhile). Each report keeps its own record, partners and
 * retention: linking only groups them, so no partner sees more of a report than before.
 */
import { CASE_RELATION_LABELS } from '../../shared/contracts/workflow-vocabulary';
import type { caseActionSchema } from '../../shared/contracts/officer';
import { planLink, planUnlink, rowOf } from '../../shared/domain/cases';
import { parseReference } from '../../shared/domain/reference';
import { isOverdue } from '../../shared/domain/workflow';
import { json, type HttpResult } from '../adapters/http/responses';
import type { AuditEntry } from '../reports/ports';
import { summaryOf, type StoredReport } from '../reports/records';
import { dataLevelFor } from './access';
import type { Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';

type Action = ReturnType<typeof caseActionSchema.parse>;
type LinkAction = Extract<Action, { action: 'link' }>;

export interface CaseLinkContext {
  deps: OfficerDependencies;
  officer: Officer;
  /** The report the officer has open, as read. */
  stored: StoredReport;
  now: Date;
  /** An audit entry about `report` (with its retention), by this officer, now. */
  audit: (report: Pick<StoredReport, 'reference' | 'expiresAt'>, summary: string) => AuditEntry;
  /** The 409 for a report someone else changed meanwhile. */
  stale: (current: StoredReport) => HttpResult;
}

const moved = (before: StoredReport, caseId: string | undefined): StoredReport => ({ ...before, caseId, version: before.version + 1 });

async function staleAnswer(ctx: CaseLinkContext): Promise<HttpResult> {
  return ctx.stale((await ctx.deps.store.get(ctx.stored.reference)) ?? ctx.stored);
}

function done(ctx: CaseLinkContext, message: string, after: StoredReport): HttpResult {
  return json(200, { message, ...summaryOf(after), overdue: isOverdue(after, ctx.now) });
}

export async function linkReports(ctx: CaseLinkContext, action: LinkAction): Promise<HttpResult> {
  const { deps, officer, stored } = ctx;
  const toReference = parseReference(action.to);
  if (!toReference) {
    const message = 'Enter the 8-character reference of the report to link, like 7KQ2M9XD';
    return json(400, { message, errors: [{ path: 'to', message }] });
  }
  if (action.version !== stored.version) return ctx.stale(stored);
  const other = toReference === stored.reference ? stored : await deps.store.get(toReference);
  // A report outside a partner user's scope is answered as one that does not exist.
  if (!other || !dataLevelFor(officer.access, other))
    return json(404, {
      message: `There is no report ${toReference} you can see. Check the reference: it is on the report's page and in its emails.`,
      version: stored.version,
    });
  const files = await deps.cases.getCaseFiles([stored.caseId, other.caseId].filter((id): id is string => id !== undefined));
  const plan = planLink(
    stored,
    other,
    { x: stored.caseId ? files.get(stored.caseId) : undefined, to: other.caseId ? files.get(other.caseId) : undefined },
    { relation: action.relation, at: ctx.now.toISOString(), by: officer.identity.username, newCaseId: () => crypto.randomUUID() },
  );
  if (!plan.ok) return json(plan.status, { message: plan.message, version: stored.version });

  const row = rowOf(plan.file);
  const known = new Map([stored, other].map((r) => [r.reference, r]));
  const reports = plan.joining.map((reference) => {
    const before = known.get(reference)!;
    return { before, after: moved(before, plan.file.caseId), folded: reference !== row };
  });
  // A report joining that is kept longer than the case's row takes its place in the inbox.
  const replaced = plan.replacedRow ? (known.get(plan.replacedRow) ?? (await deps.store.get(plan.replacedRow))) : undefined;
  if (replaced) reports.push({ before: replaced, after: moved(replaced, replaced.caseId), folded: true });
  const how = CASE_RELATION_LABELS[action.relation].toLowerCase();
  const written = await deps.cases.changeCase({
    file: { before: plan.before, after: plan.file },
    reports,
    audit: [
      ctx.audit(stored, `Linked to ${other.reference} as ${how}`),
      ctx.audit(other, `Linked to ${stored.reference} as ${how}`),
      ...(replaced && !known.has(replaced.reference)
        ? [ctx.audit(replaced, `Listed behind ${row} in the inbox: the case's report kept longest`)]
        : []),
    ],
  });
  if (written === 'stale') return staleAnswer(ctx);
  const after = reports.find((r) => r.before.reference === stored.reference)?.after ?? stored;
  const count = plan.file.members.length;
  return done(ctx, `Linked ${stored.reference} and ${other.reference}: the case now has ${count} reports`, after);
}

export async function unlinkReport(ctx: CaseLinkContext, version: number): Promise<HttpResult> {
  const { deps, stored } = ctx;
  if (version !== stored.version) return ctx.stale(stored);
  const file = stored.caseId ? await deps.cases.getCaseFile(stored.caseId) : undefined;
  const plan = planUnlink(file, stored.reference);
  if (!plan.ok) return json(plan.status, { message: plan.message, version: stored.version });

  // The others whose case changes: the last one left when the case ends, or the case's new row.
  const others = [...plan.leaving.filter((r) => r !== stored.reference), ...(plan.newRow ? [plan.newRow] : [])];
  const read = await deps.store.getMany(others);
  const reports = [
    { before: stored, after: moved(stored, undefined), folded: false },
    // A report already removed at the end of its retention has nothing left to change.
    ...others.flatMap((reference) => {
      const before = read.get(reference);
      if (!before) return [];
      const leaves = plan.leaving.includes(reference);
      return [{ before, after: moved(before, leaves ? undefined : before.caseId), folded: false }];
    }),
  ];
  const written = await deps.cases.changeCase({
    file: { before: file, after: plan.file },
    reports,
    audit: reports.map(({ before }) =>
      ctx.audit(
        before,
        before.reference === stored.reference
          ? 'Unlinked from its case'
          : plan.leaving.includes(before.reference)
            ? `Left its case: ${stored.reference}, the only other report, was unlinked`
            : `Now stands for its case in the inbox, since ${stored.reference} was unlinked`,
      ),
    ),
  });
  if (written === 'stale') return staleAnswer(ctx);
  return done(
    ctx,
    plan.file
      ? `Unlinked ${stored.reference}: the case carries on with ${plan.file.members.length} reports`
      : `Unlinked ${stored.reference}: the case has ended`,
    reports[0]!.after,
  );
}
