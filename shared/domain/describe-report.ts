import type { PublicProfile } from '../config/public-profile';
import { isCalendarDay } from '../contracts/london-time';
import type { PartnerView } from './minimise';
import { ASB_CATEGORY_LABELS, HATE_MOTIVATION_LABELS, REPORT_TYPE_LABELS, REPORTER_ROLE_LABELS } from '../contracts/report-vocabulary';

export interface Row {
  label: string;
  value: string;
}

// Created on first use: time-zone formatters load ICU data (cold start cost).
let ukDateTime: Intl.DateTimeFormat | undefined;
let ukDate: Intl.DateTimeFormat | undefined;

/** "Saturday 21 November 2026 at 21:30", or for a day given without a time "Saturday 21 November 2026, time not given". */
export function formatUkDateTime(iso: string): string {
  if (isCalendarDay(iso)) {
    ukDate ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full' });
    return `${ukDate.format(new Date(`${iso}T12:00:00Z`))}, time not given`;
  }
  ukDateTime ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' });
  return ukDateTime.format(new Date(iso));
}

export function describeReport(view: PartnerView, profile: Pick<PublicProfile, 'areas'>): Row[] {
  const rows: Row[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') rows.push({ label, value });
  };
  add('Type', REPORT_TYPE_LABELS[view.type]);
  if (view.asbCategory) add('Kind of anti-social behaviour', ASB_CATEGORY_LABELS[view.asbCategory].label);
  if (view.hateMotivations) add('Perceived hostility towards', view.hateMotivations.map((m) => HATE_MOTIVATION_LABELS[m]).join(', '));
  if (view.reporterRole) add('Reported by', REPORTER_ROLE_LABELS[view.reporterRole]);
  add(
    'When',
    [view.occurredAt ? formatUkDateTime(view.occurredAt) : undefined, view.ongoing ? 'still happening' : undefined]
      .filter(Boolean)
      .join(', '),
  );
  add('Area', profile.areas.find((a) => a.id === view.location.area)?.name ?? view.location.area);
  add('Street', view.location.street);
  add('Postcode', view.location.postcode);
  add('Place details', view.location.details);
  add('What happened', view.description);
  add('People involved', view.offenderDescription);
  add('Vehicles', view.vehicleDescription);
  add('Police reference', view.policeReference);
  add('Effect on the reporter', view.impact);
  if (view.anonymous === true) add('Contact', 'The reporter chose to stay anonymous');
  if (view.contact) {
    add('Reporter name', view.contact.name);
    add('Reporter email', view.contact.email);
    add('Reporter phone', view.contact.phone);
    add('Safe times to contact', view.contact.preferredTimes);
  }
  return rows;
}
