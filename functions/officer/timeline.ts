/**
 * A case's timeline, newest last: when it arrived, every change and note, and every
 * email attempt. Admins also see each read of the report (who looked, and when).
 */
import type { AuditEntry } from '../adapters/dynamodb/audit-log';
import type { CaseNote, OutboxEntry, StoredReport } from '../reports/records';

export interface TimelineEntry {
  at: string;
  kind: 'received' | 'change' | 'note' | 'update-resident' | 'email' | 'read' | 'export';
  text: string;
  by?: string;
}

function recipient(entry: OutboxEntry, partnerNames: Map<string, string>): string {
  if (entry.target.kind === 'resident') return 'the resident (confirmation)';
  if (entry.target.kind === 'resident-update') return 'the resident (update)';
  const name = partnerNames.get(entry.target.partnerId) ?? entry.target.partnerId;
  return entry.target.assigned ? `${name} (assigned)` : name;
}

export function buildTimeline(stored: StoredReport, notes: CaseNote[], outbox: OutboxEntry[], audit: AuditEntry[], partnerNames: Map<string, string>, includeReads: boolean): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: stored.createdAt, kind: 'received', text: 'Report received' }];
  for (const a of audit) {
    if (a.action === 'note') continue; // the note itself is listed below
    if ((a.action === 'read-report' || a.action === 'export') && !includeReads) continue;
    const kind = a.action === 'read-report' ? 'read' : a.action;
    const text = a.summary ?? (a.action === 'read-report' ? 'Viewed the report' : a.action === 'export' ? 'Exported the report' : a.action);
    entries.push({ at: a.at, kind, text, by: a.username });
  }
  for (const n of notes) entries.push({ at: n.at, kind: 'note', text: n.text, by: n.username });
  for (const o of outbox) {
    const to = recipient(o, partnerNames);
    if (o.state === 'sent') entries.push({ at: o.lastAttemptAt ?? o.createdAt, kind: 'email', text: `Email to ${to} sent` });
    else if (o.state === 'failed') entries.push({ at: o.lastAttemptAt ?? o.createdAt, kind: 'email', text: `Email to ${to} failed after ${o.attempts} attempts: ${o.lastError ?? 'unknown error'}` });
    else if (o.attempts > 0) entries.push({ at: o.lastAttemptAt ?? o.createdAt, kind: 'email', text: `Email to ${to} not sent yet (attempt ${o.attempts}: ${o.lastError ?? 'error'}); next try ${o.nextAttemptAt ?? 'soon'}` });
    else entries.push({ at: o.createdAt, kind: 'email', text: `Email to ${to} queued` });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
