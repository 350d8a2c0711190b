/**
 * A case's timeline, newest last: when it arrived, every change and note, and every
 * email attempt. Admins also see each read of the report (who looked, and when).
 */
import type { AuditEntry } from '../reports/ports';
import type { CaseNote, DeliveryAttempt, DeliveryFeedback, OutboxEntry, StoredReport } from '../reports/records';
import { formatLondonDateTime } from '../../shared/contracts/london-time';

export interface TimelineEntry {
  at: string;
  kind: 'received' | 'change' | 'note' | 'update-resident' | 'email' | 'read' | 'export';
  text: string;
  by?: string;
}

const NEWS_WORDS = { assigned: 'told who is dealing with it', closed: 'told it is closed', 'link-replaced': 'new private link' } as const;

function recipient(entry: OutboxEntry, partnerNames: Map<string, string>): string {
  if (entry.target.kind === 'resident') return 'the resident (confirmation)';
  if (entry.target.kind === 'resident-update') return 'the resident (update)';
  if (entry.target.kind === 'resident-news') return `the resident (${NEWS_WORDS[entry.target.news.event]})`;
  if (entry.target.kind === 'team-message') return "the partnership's team (a message from the resident)";
  if (entry.target.kind === 'case-review') return 'the Case Review applicant';
  const name = partnerNames.get(entry.target.partnerId) ?? entry.target.partnerId;
  return entry.target.assigned ? `${name} (assigned)` : name;
}

/** What a bounce or complaint means for the officer reading the case. */
function feedbackText(feedback: DeliveryFeedback, to: string): string {
  if (feedback.kind === 'complaint')
    return `The email to ${to} was reported as unwanted by its recipient (${feedback.detail}). Check with them that it reached the right inbox.`;
  return `The email to ${to} bounced: ${feedback.detail}. ${feedback.detail.startsWith('Permanent') ? 'It was not delivered: check their address in the partner directory and contact them another way.' : 'Their mail server did not take it this time.'}`;
}

/** One line per attempt, in order, saying what really happened; a queued line while none was made. */
function emailLines(o: OutboxEntry, to: string): TimelineEntry[] {
  const lines: TimelineEntry[] = [];
  const history = o.history ?? legacyHistory(o);
  if (history.length === 0) lines.push({ at: o.createdAt, kind: 'email', text: `Email to ${to} queued` });
  for (const a of history) {
    const n = a.attempt;
    if (a.outcome === 'sent') lines.push({ at: a.at, kind: 'email', text: `Email to ${to} sent${n > 1 ? ` (attempt ${n})` : ''}` });
    else if (a.outcome === 'failed')
      lines.push({
        at: a.at,
        kind: 'email',
        text: `Email to ${to} failed after ${n} attempts: ${a.error ?? 'unknown error'}. It will not be tried again: contact them another way.`,
      });
    else
      lines.push({
        at: a.at,
        kind: 'email',
        text: `Email to ${to} not sent (attempt ${n}: ${a.error ?? 'error'})${a.nextAttemptAt ? `; it will be tried again from ${formatLondonDateTime(a.nextAttemptAt)}` : ''}`,
      });
  }
  if (o.feedback) lines.push({ at: o.feedback.at, kind: 'email', text: feedbackText(o.feedback, to) });
  return lines;
}

/** Entries recorded before attempts were kept: their last attempt, the only one known. */
function legacyHistory(o: OutboxEntry): DeliveryAttempt[] {
  if (o.attempts === 0 || !o.lastAttemptAt) return [];
  const outcome = o.state === 'sent' ? 'sent' : o.state === 'failed' ? 'failed' : 'not-sent';
  return [
    {
      attempt: o.attempts,
      at: o.lastAttemptAt,
      outcome,
      ...(outcome === 'sent' ? {} : { error: o.lastError }),
      ...(outcome === 'not-sent' ? { nextAttemptAt: o.nextAttemptAt } : {}),
    },
  ];
}

export function buildTimeline(
  stored: StoredReport,
  notes: CaseNote[],
  outbox: OutboxEntry[],
  audit: AuditEntry[],
  partnerNames: Map<string, string>,
  includeReads: boolean,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: stored.createdAt, kind: 'received', text: 'Report received' }];
  for (const a of audit) {
    if (a.action === 'note') continue; // the note itself is listed below
    // A Case Review application keeps its own trail, in its own partition.
    if (a.action === 'read-case-review' || a.action === 'case-review') continue;
    if ((a.action === 'read-report' || a.action === 'read-evidence' || a.action === 'export') && !includeReads) continue;
    const kind = a.action === 'read-report' || a.action === 'read-evidence' ? 'read' : a.action;
    const text = a.summary ?? (a.action === 'read-report' ? 'Viewed the report' : a.action === 'export' ? 'Exported the report' : a.action);
    entries.push({ at: a.at, kind, text, by: a.username });
  }
  for (const n of notes)
    entries.push({ at: n.at, kind: 'note', text: n.shared ? `(Shared with partners) ${n.text}` : n.text, by: n.username });
  for (const o of outbox) entries.push(...emailLines(o, recipient(o, partnerNames)));
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
