/**
 * CSV exports: GET /api/officer/exports/reports (the filtered inbox list; personal
 * fields only for admins, and each report an admin exports is audited as read) and
 * GET /api/officer/audit (admins: the audit trail for a date range, JSON or CSV).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dateRangeSchema } from '../../shared/contracts/officer';
import { toFieldErrors } from '../../shared/contracts/field-errors';
import { csvRows, toCsv } from '../../shared/domain/csv';
import { labelsFor } from '../../shared/domain/labels';
import { formatLondonSortable, isCalendarDay } from '../../shared/contracts/london-time';
import { REPORTER_ROLE_LABELS } from '../../shared/contracts/report-vocabulary';
import { isOverdue } from '../../shared/domain/workflow';
import { json, type HttpResult } from '../adapters/http/responses';
import type { CaseSummary, StoredReport } from '../reports/records';
import type { InboxPage } from '../reports/inbox';
import type { AuditEntry } from '../reports/ports';
import { auditEntry, type Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';
import { parseInboxQuery, scopeOf } from './inbox';

/** More than a year of a busy partnership's reports; beyond it, narrow the filters. */
export const MAX_EXPORT_ROWS = 5000;

const csv = (filename: string, body: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  },
  body,
});

// Times are UK local ("2026-11-29 10:05"), and everything is named as officers see it on
// screen; the reference and the area's id stay as keys for other systems.
const SUMMARY_HEADER = [
  'Reference',
  'Received (UK time)',
  'Status',
  'Risk',
  'Response due (UK time)',
  'Overdue',
  'Assigned partner',
  'Outcome',
  'Flags',
  'Type',
  'ASB category',
  'Hate motivations',
  'Area',
  'Area id',
  'Happened (UK time)',
];
const PERSONAL_HEADER = [
  'Street',
  'Postcode',
  'Place details',
  'What happened',
  'People involved',
  'Vehicles',
  'Reporter role',
  'Anonymous',
  'Name',
  'Email',
  'Phone',
];
// A calendar day (a report dated without a time) is already as spreadsheets read it.
const ukTime = (iso: string | undefined) => (iso && !isCalendarDay(iso) ? formatLondonSortable(iso) : iso);

/**
 * What a function may answer with: API Gateway and Lambda refuse responses over 6 MB,
 * so a file that would not fit is refused before anything is audited.
 */
export const MAX_EXPORT_BYTES = 5_500_000;
/** Listing rows read (and, for admins, full reports fetched) at a time. */
const EXPORT_PAGE = 100;

export async function exportReports(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const parsed = parseInboxQuery(deps, event);
  if (!parsed.ok) return parsed.response;
  const { cursor: _c, limit: _l, ...filters } = parsed.query;
  const now = deps.now();
  const tooMany = () =>
    json(413, {
      message: `More than ${MAX_EXPORT_ROWS.toLocaleString('en-GB')} reports match. Narrow the dates or filters and export again.`,
    });
  const tooLarge = () =>
    json(413, { message: 'These reports make a file too large to download at once. Narrow the dates or filters and export again.' });
  const names = labelsFor(deps.profile, new Map((await deps.partnerList()).map((p) => [p.id, p.name])));
  const summaryCells = (s: CaseSummary) => [
    s.reference,
    ukTime(s.createdAt),
    names.status(s.status),
    s.risk && names.risk(s.risk),
    ukTime(s.dueAt),
    isOverdue(s, now) ? 'yes' : 'no',
    s.assignedPartner && names.partner(s.assignedPartner),
    s.outcome && names.outcome(s.outcome),
    s.flags?.map(names.flag),
    names.type(s.type),
    s.category && names.category(s.category),
    s.motivations?.map(names.motivation),
    names.area(s.area),
    s.area,
    ukTime(s.occurredAt),
  ];
  const personal = (s: StoredReport | undefined) => {
    const r = s?.report;
    return [
      r?.location.street,
      r?.location.postcode,
      r?.location.details,
      r?.description,
      r?.offenderDescription,
      r?.vehicleDescription,
      r?.reporterRole && REPORTER_ROLE_LABELS[r.reporterRole],
      r ? (r.anonymous ? 'yes' : 'no') : undefined,
      r?.contact?.name,
      r?.contact?.email,
      r?.contact?.phone,
    ];
  };

  // Built a page at a time: only the file's text grows with the rows, never the reports read for it.
  const chunks: string[] = [toCsv(officer.isAdmin ? [...SUMMARY_HEADER, ...PERSONAL_HEADER] : SUMMARY_HEADER, [])];
  let bytes = chunks[0]!.length;
  /** Each report whose personal data is in the file, with its retention (for its audit entry). */
  const exported: { reference: string; expiresAt: number }[] = [];
  let rows = 0;
  // The next listing page is read while this page's reports are fetched and written out.
  const nextPage = (cursor: string | undefined): Promise<InboxPage | 'bad-cursor'> =>
    deps.cases.listInbox(scopeOf(officer), filters, EXPORT_PAGE, cursor, now);
  let pending: Promise<InboxPage | 'bad-cursor'> | undefined = nextPage(undefined);
  while (pending) {
    const page: InboxPage | 'bad-cursor' = await pending;
    if (page === 'bad-cursor') break;
    pending = page.cursor ? nextPage(page.cursor) : undefined;
    rows += page.items.length;
    if (rows > MAX_EXPORT_ROWS) {
      await pending?.catch(() => undefined);
      return tooMany();
    }
    let text: string;
    if (officer.isAdmin) {
      const full = await deps.store.getMany(page.items.map((s) => s.reference));
      text = csvRows(page.items.map((s) => [...summaryCells(s), ...personal(full.get(s.reference))]));
      for (const s of page.items) {
        const stored = full.get(s.reference);
        if (stored) exported.push({ reference: stored.reference, expiresAt: stored.expiresAt });
      }
    } else {
      text = csvRows(page.items.map(summaryCells));
    }
    bytes += Buffer.byteLength(text);
    if (bytes > MAX_EXPORT_BYTES) {
      await pending?.catch(() => undefined);
      return tooLarge();
    }
    chunks.push(text);
  }
  if (!officer.isAdmin) return csv('reports.csv', chunks.join(''));

  // Personal data leaves the system here, and only now that the file is complete: each
  // report in it is audited, then the file is answered. An audit that cannot be written
  // stops the export (500), and says so on the reports it had reached.
  const at = now.toISOString();
  const exportId = crypto.randomUUID().slice(0, 8);
  const entry = (e: { reference: string; expiresAt: number }, summary: string) => auditEntry(officer, e, 'export', at, summary);
  try {
    await deps.audit.appendAll(exported.map((e) => entry(e, `Exported with personal data (CSV, export ${exportId})`)));
  } catch (error) {
    await deps.audit
      .appendAll(exported.map((e) => entry(e, `Export ${exportId} failed before the file was sent: no personal data left the system`)))
      .catch(() => undefined);
    throw error;
  }
  return csv('reports-with-personal-data.csv', chunks.join(''));
}

// Every action has words: a new one without them fails to compile, never shows as its code.
const AUDIT_ACTION_LABELS: Record<AuditEntry['action'], string> = {
  'read-report': 'Viewed the report',
  change: 'Changed the report',
  note: 'Added a note',
  'update-resident': 'Emailed the resident an update',
  export: 'Exported the report',
  'read-case-review': 'Viewed the Case Review application',
  'case-review': 'Recorded a Case Review step',
  'read-evidence': "Opened a resident's file",
};

/** A date range (default: the last 7 days to today), checked for order and length. */
export function parseRange(event: APIGatewayProxyEventV2, now: Date, defaultDays: number, maxDays: number) {
  const params = Object.fromEntries(Object.entries(event.queryStringParameters ?? {}).filter(([, v]) => v));
  const parsed = dateRangeSchema.safeParse(params);
  if (!parsed.success)
    return { ok: false as const, response: json(400, { message: 'Check the dates', errors: toFieldErrors(parsed.error) }) };
  const to = parsed.data.to ?? now.toISOString().slice(0, 10);
  const from = parsed.data.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (defaultDays - 1) * 86_400_000).toISOString().slice(0, 10);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1)
    return {
      ok: false as const,
      response: json(400, {
        message: 'The "to" date must be the same as or after the "from" date',
        errors: [{ path: 'to', message: 'The "to" date must be the same as or after the "from" date' }],
      }),
    };
  if (days > maxDays)
    return {
      ok: false as const,
      response: json(400, {
        message: `Choose a period of ${maxDays} days or fewer`,
        errors: [{ path: 'from', message: `Choose a period of ${maxDays} days or fewer` }],
      }),
    };
  return { ok: true as const, from, to, days, format: parsed.data.format ?? 'json' };
}

export async function exportAudit(deps: OfficerDependencies, _officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const range = parseRange(event, deps.now(), 7, 92);
  if (!range.ok) return range.response;
  const entries = (await deps.audit.between(range.from, range.to)).sort((a, b) => a.at.localeCompare(b.at));
  if (range.format === 'csv')
    return csv(
      `audit-${range.from}-to-${range.to}.csv`,
      toCsv(
        ['When (UK time)', 'Who', 'Groups', 'Action', 'Reference', 'What'],
        entries.map((e) => [
          formatLondonSortable(e.at),
          e.username,
          e.groups,
          AUDIT_ACTION_LABELS[e.action] ?? e.action,
          e.reference,
          e.summary,
        ]),
      ),
    );
  return json(200, { from: range.from, to: range.to, entries });
}
