/** The inbox's filters and page, independent of the query string and of DynamoDB. */
import type { InboxQuery } from '../../shared/contracts/officer';
import type { CaseSummary } from './records';

/** Filters as the store takes them (the query string without paging). */
export type InboxFilters = Omit<InboxQuery, 'cursor' | 'limit'>;

export interface InboxPage {
  items: CaseSummary[];
  /** Opaque: pass back as `cursor` for the next page; absent on the last page. */
  cursor?: string;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Whose reports: everything (officers, admins) or one partner's. */
export type InboxScope = { kind: 'all' } | { kind: 'partner'; partnerId: string };
