/**
 * Turns inbox filters into one DynamoDB Query: the most selective filter picks the index
 * (so the read is a key lookup, newest first), the date range becomes a sort-key range,
 * and any other filters narrow that index's pages with a FilterExpression. Pure, so the
 * choice is unit-tested; the store runs it and pages through the results.
 */
import { londonDayStart as dayStart } from '../../../shared/contracts/london-time';
import { inboxIndexes, ALL_LISTINGS, type InboxIndex } from './table-definition';
import type { InboxFilters } from '../../reports/inbox';
import type { InboxScope } from '../../reports/inbox';

export interface InboxQueryPlan {
  index: (typeof inboxIndexes)[InboxIndex];
  partitionValue: string;
  keyCondition: string;
  filter?: string;
  /** The filter only folds cases (it passes nearly every item): read pages of the page's size, not large ones. */
  filterKeepsMost?: boolean;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/**
 * The sort-key condition for reports received on the UK days from..to (either may be
 * absent), shared by the inbox query and the status counts.
 */
function listedAtRange(
  from: string | undefined,
  to: string | undefined,
): { condition?: string; names: Record<string, string>; values: Record<string, string> } {
  const names = { '#listedAt': 'listedAt' };
  if (from && to)
    return { condition: '#listedAt BETWEEN :from AND :to', names, values: { ':from': dayStart(from), ':to': dayStart(to, 1) } };
  if (from) return { condition: '#listedAt >= :from', names, values: { ':from': dayStart(from) } };
  if (to) return { condition: '#listedAt < :to', names, values: { ':to': dayStart(to, 1) } };
  return { names: {}, values: {} };
}

export function planInboxQuery(scope: InboxScope, filters: InboxFilters, now: Date): InboxQueryPlan {
  // Index choice: the partner scope is a must (object-level access); then the filters
  // that usually select fewest reports.
  const choice: [InboxIndex, string][] = [];
  if (scope.kind === 'partner') choice.push(['partner', scope.partnerId]);
  // The unread index is sparse and small: the best key whenever officers ask for it.
  if (filters.unread && scope.kind === 'all') choice.push(['unread', ALL_LISTINGS]);
  if (filters.status) choice.push(['status', filters.status]);
  if (filters.partner) choice.push(['assignee', filters.partner]);
  if (filters.risk) choice.push(['risk', filters.risk]);
  if (filters.area) choice.push(['area', filters.area]);
  if (filters.type) choice.push(['type', filters.type]);
  const [indexKey, partitionValue] = choice[0] ?? ['all', ALL_LISTINGS];
  const index = inboxIndexes[indexKey];

  const range = listedAtRange(filters.from, filters.to);
  const names: Record<string, string> = { '#pk': index.partitionKey, ...range.names };
  const values: Record<string, unknown> = { ':pk': partitionValue, ...range.values };
  const keyCondition = range.condition ? `#pk = :pk AND ${range.condition}` : '#pk = :pk';

  const conditions: string[] = [];
  const equal = (attribute: string, value: string | undefined, usedAsKey: boolean) => {
    if (value === undefined || usedAsKey) return;
    const n = Object.keys(names).length;
    names[`#f${n}`] = attribute;
    values[`:f${n}`] = value;
    conditions.push(`#f${n} = :f${n}`);
  };
  equal('status', filters.status, indexKey === 'status');
  equal('assignedPartner', filters.partner, indexKey === 'assignee');
  equal('risk', filters.risk, indexKey === 'risk');
  equal('area', filters.area, indexKey === 'area');
  equal('type', filters.type, indexKey === 'type');
  equal('category', filters.category, false);
  if (filters.motivation) {
    Object.assign(names, { '#motivations': 'motivations' });
    values[':motivation'] = filters.motivation;
    conditions.push('contains(#motivations, :motivation)');
  }
  if (filters.flagged) {
    names['#flags'] = 'flags';
    conditions.push('attribute_exists(#flags)');
  }
  // Partner listings never count messages: asking for unread ones finds none.
  if (filters.unread && scope.kind === 'partner') {
    names['#unread'] = 'unreadMessages';
    conditions.push('attribute_exists(#unread)');
  }
  if (filters.overdue) {
    Object.assign(names, { '#status': 'status', '#dueAt': 'dueAt' });
    Object.assign(values, { ':closed': 'closed', ':now': now.toISOString() });
    conditions.push('#status <> :closed AND #dueAt < :now');
  }
  // Unfiltered, the officers' inbox lists each case once (its first report); any filter
  // lists every report that matches, each saying which case it is in.
  const unfiltered = Object.values(filters).every((v) => v === undefined);
  if (scope.kind === 'all' && unfiltered) {
    names['#folded'] = 'caseFolded';
    conditions.push('attribute_not_exists(#folded)');
  }
  return {
    index,
    partitionValue,
    keyCondition,
    names,
    values,
    ...(conditions.length ? { filter: conditions.join(' AND ') } : {}),
    ...(scope.kind === 'all' && unfiltered ? { filterKeepsMost: true } : {}),
  };
}
