/**
 * The LISTING items that feed the inbox indexes: one for everybody (ALL) and one per
 * partner the report went to, each a copy of the case summary with the index keys set.
 */
import { summaryOf, type StoredReport } from '../../reports/records';
import { ALL_LISTINGS, keys } from './table-definition';

/** Index keys and fields shared by every listing of a report. */
function listingBase(stored: StoredReport) {
  return { ...summaryOf(stored), entity: 'listing', listedAt: `${stored.createdAt}#${stored.reference}`, expiresAt: stored.expiresAt };
}

/**
 * The case a report is in, as the officers' listing shows it: `caseFolded` on every report
 * but a case's first, so that the unfiltered inbox lists the case once. Partner listings
 * carry neither: a partner is not told of reports outside its scope.
 */
export const caseFields = (stored: Pick<StoredReport, 'caseId'>, folded: boolean) => ({
  caseId: stored.caseId,
  caseFolded: stored.caseId && folded ? 'true' : undefined,
});

export function allListing(stored: StoredReport, folded = false): Record<string, unknown> {
  const base = listingBase(stored);
  return {
    ...caseFields(stored, folded),
    ...keys.listing(stored.reference, 'ALL'),
    ...base,
    inboxAll: ALL_LISTINGS,
    inboxStatus: base.status,
    inboxArea: base.area,
    inboxType: base.type,
    inboxRisk: base.risk,
    inboxAssignee: base.assignedPartner,
    contactKey: stored.contactKey,
    placeKey: stored.placeKey,
  };
}

export function partnerListing(stored: StoredReport, partnerId: string): Record<string, unknown> {
  return { ...keys.listing(stored.reference, partnerId), ...listingBase(stored), inboxPartner: partnerId };
}

/** Every listing of the report, as whole items. */
export function listingItems(stored: StoredReport): Record<string, unknown>[] {
  return [allListing(stored), ...stored.routes.map((r) => partnerListing(stored, r.partnerId))];
}
