/**
 * Data minimisation (UK GDPR Art. 5(1)(c)): the view of a report one partner receives.
 * Fields not named for a level are never copied, so adding a field to the report
 * cannot leak it to partners by accident.
 */
import type { DataLevel } from '../config/profile-schema';
import type { Report } from '../contracts/report';

export type PartnerView = Partial<Report> & Pick<Report, 'type' | 'location'>;

const SUMMARY_FIELDS = ['type', 'asbCategory', 'hateMotivations', 'occurredAt', 'ongoing'] as const;
const NO_CONTACT_FIELDS = [
  ...SUMMARY_FIELDS,
  'reporterRole',
  'description',
  'offenderDescription',
  'vehicleDescription',
  'policeReference',
  'impact',
  'anonymous',
] as const;
const FULL_FIELDS = [...NO_CONTACT_FIELDS, 'contact'] as const;

const FIELDS: Record<DataLevel, readonly (keyof Report)[]> = {
  summary: SUMMARY_FIELDS,
  'no-contact': NO_CONTACT_FIELDS,
  full: FULL_FIELDS,
};

export function minimiseForPartner(report: Report, level: DataLevel): PartnerView {
  const view: Record<string, unknown> = {};
  for (const field of FIELDS[level]) if (report[field] !== undefined) view[field] = report[field];
  // Summary partners act on places, not people: the area and street, never the free-text details.
  view.location =
    level === 'summary'
      ? { area: report.location.area, street: report.location.street, postcode: report.location.postcode }
      : report.location;
  return JSON.parse(JSON.stringify(view)) as PartnerView;
}
