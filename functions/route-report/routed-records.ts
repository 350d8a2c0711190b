/**
 * Which of the reports table's stream records the router acts on, said once: the stack
 * builds the event source's filters from it (so AWS does not invoke the router for the
 * rest), and the router checks it too (the local stream poller passes every record).
 */
export const routedRecords = [
  // A new email to send.
  { entity: 'outbox', events: ['INSERT'] },
  // A new report, or an incident its resident added: both can make a repeat.
  { entity: 'report', events: ['INSERT'] },
  { entity: 'incident', events: ['INSERT'] },
  // A case made or changed: its reports' incidents now count together.
  { entity: 'case', events: ['INSERT', 'MODIFY'] },
  // A file's record gone (its report's retention ended): the file goes from the evidence bucket.
  { entity: 'evidence', events: ['REMOVE'] },
] as const;

/** The image a record is routed on: what was written, or for a removal what was there. */
export const routedImage = (eventName: string | undefined) => (eventName === 'REMOVE' ? 'OldImage' : 'NewImage');

export function isRouted(eventName: string | undefined, entity: unknown): boolean {
  return routedRecords.some((r) => r.entity === entity && (r.events as readonly string[]).includes(eventName ?? ''));
}
