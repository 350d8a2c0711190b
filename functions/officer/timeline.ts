/**
 * A case's timeline, newest last: when it arrived, every change and note, and every
 * email attempt. Admins also see each read of the report (who looked, and when).
 */
import type { AuditEntry } from '../adapters/dynamodb/audit-log';
import type { CaseNote, DeliveryFeedback, OutboxEntry, StoredReport } from '../reports/records';

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

/** What a bounce or complaint means for the officer reading the case. */
function feedbackText(feedback: DeliveryFeedback, to: string): string {
  if (feedback.kind === 'complaint') return `The email to ${to} was reported as unwanted by its recipient (${feedback.detail}). Check with them that it reached the right inbox.`;
  return `The email to ${to} bounced: ${feedback.detail}. ${feedback.detail.startsWith('Permanent') ? 'It was not delivered: check their address in the partner directory and contact them another way.' : 'Their mail server did not take it this time.'}`;
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
  for (const n of notes) entries.push({ at: n.at, kind: 'note', text: n.shared ? `(Shared with partners) ${n.text}` : n.text, by: n.username });
  for (const o of outbox) {
    const to = recipient(o, partnerNames);
    if (o.state === 'sent') entries.push({ at: o.lastAttemptAt ?? o.createdAt, kind: 'email', text: `Email to ${to} sent` });
    if (o.state === 'sent' && o.feedback) entries.push({ at: o.feedback.at, kind: 'email', text: feedbackText(o.feedback, to) });
    else if (o.state === 'failed') entries.push({ at: o.lastAttemptAt ?? o.createdAt, kind: 'email', text: `Email to ${to} failed after ${o.attempts} attempts: ${o.lastError ?? 'unknown error'}` });
    else if (o.attempts > 0) entries.push({ at: o.lastAttemptAt ?? o.createdAt, kind: 'email', text: `Email to ${to} not sent yet (attempt ${o.attempts}: ${o.lastError ?? 'error'}); next try ${o.nextAttemptAt ?? 'soon'}` });
    else entries.push({ at: o.createdAt, kind: 'email', text: `Email to ${to} queued` });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
