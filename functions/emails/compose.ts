/** Builds the email for one outbox entry: partner notification, or the resident's confirmation, update or news. */
import type { Partner, Profile } from '../../shared/config/profile-schema';
import { describeReport } from '../../shared/domain/describe-report';
import { minimiseForPartner } from '../../shared/domain/minimise';
import type { OutgoingEmail } from '../reports/ports';
import { partnerEvidenceHtml } from './partner-evidence.html';
import { partnerEvidenceText } from './partner-evidence.text';
import { incidentAsReport, type IncidentRecord, type MessageRecord, type OutboxEntry, type StoredReport } from '../reports/records';
import { MESSAGE_ABOUT_LABELS } from '../../shared/contracts/report';
import { teamMessageHtml } from './team-message.html';
import { teamMessageSubject, teamMessageText } from './team-message.text';
import { headerText } from '../../shared/ui/plain-text';
import { partnerReportHtml } from './partner-report.html';
import { partnerReportText } from './partner-report.text';
import { residentConfirmationHtml } from './resident-confirmation.html';
import { residentConfirmationText } from './resident-confirmation.text';
import { residentNewsHtml } from './resident-news.html';
import { newsSubject, residentNewsText } from './resident-news.text';
import { residentUpdateHtml } from './resident-update.html';
import { residentUpdateText } from './resident-update.text';
import { REPORT_TYPE_LABELS } from '../../shared/contracts/report-vocabulary';
import { applicantEmail } from '../case-reviews/apply';
import type { StoredCaseReview } from '../case-reviews/records';
import { caseReviewHtml } from './case-review.html';
import { caseReviewModel, caseReviewText } from './case-review.text';

const DATA_NOTES = {
  full: 'You receive the full report, including how to contact the reporter.',
  'no-contact': "You receive the report without the reporter's contact details. Ask the partnership's ASB team if you need to reach them.",
  summary: 'You receive a summary: what, where and when. Ask the partnership if you need more.',
} as const;

/** What a partner receives, said truthfully of this report: an anonymous report has no contact details to give. */
function dataNote(level: keyof typeof DATA_NOTES, anonymous: boolean): string {
  if (anonymous && level === 'full')
    return 'You receive the full report. The reporter chose to stay anonymous, so there are no contact details.';
  if (anonymous && level === 'no-contact') return 'You receive the report. The reporter chose to stay anonymous.';
  return DATA_NOTES[level];
}

/**
 * The email for an outbox entry, or undefined if it has nowhere to go (e.g. partner
 * removed). `partners` is the current partner directory, so an address an admin changed
 * is used from the next email on.
 */
export function composeEmail(
  entry: OutboxEntry,
  stored: StoredReport,
  profile: Profile,
  partners: readonly Partner[],
  siteUrl: string,
  /** The resident's private link (absolute), for their emails, when the report has one. */
  privateLink?: string,
  /** The incident a partner email is about, when it is about one. */
  incident?: IncidentRecord,
  /** The resident's message a team email is about, when it is about one. */
  message?: MessageRecord,
): OutgoingEmail | undefined {
  const email = (to: string, subject: string, text: string, html: string): OutgoingEmail => ({
    to,
    from: profile.senderEmail,
    subject: headerText(subject),
    text,
    html,
  });
  const target = entry.target;
  if (target.kind === 'resident' || target.kind === 'resident-update' || target.kind === 'resident-news') {
    // Emails to the resident go only to an address they gave.
    const contact = stored.report.contact;
    if (!contact?.email) return undefined;
    const base = { name: contact.name, partnershipName: profile.name, reference: stored.reference, siteUrl, privateLink };
    if (target.kind === 'resident') {
      const answers = stored.report.keepAnswersOutOfEmail === true ? undefined : describeReport(stored.report, profile);
      const model = { ...base, answers };
      return email(
        contact.email,
        `Your report reference ${stored.reference}`,
        residentConfirmationText(model),
        residentConfirmationHtml(model),
      );
    }
    if (target.kind === 'resident-update') {
      const model = { ...base, message: target.message, statusUrl: `${siteUrl}/report/status/` };
      return email(contact.email, `An update on your report ${stored.reference}`, residentUpdateText(model), residentUpdateHtml(model));
    }
    const model = { ...base, contact: profile.contact, type: stored.report.type, news: target.news };
    return email(contact.email, newsSubject(model), residentNewsText(model), residentNewsHtml(model));
  }
  if (target.kind === 'team-message') {
    if (!message) return undefined;
    const model = {
      partnershipName: profile.name,
      reference: stored.reference,
      about: MESSAGE_ABOUT_LABELS[message.message.about],
      caseUrl: `${siteUrl}/officer/report/?ref=${stored.reference}`,
    };
    return email(profile.contact.email, teamMessageSubject(model), teamMessageText(model), teamMessageHtml(model));
  }
  // A Case Review's emails have their own composer (composeCaseReviewEmail).
  if (target.kind === 'case-review') return undefined;
  const { partnerId, dataLevel, assigned, incidentAt, evidenceId } = target;
  const partner = partners.find((p) => p.id === partnerId);
  if (!partner || (incidentAt && !incident)) return undefined;
  const area = profile.areas.find((a) => a.id === stored.report.location.area)?.name ?? stored.report.location.area;
  const kind = REPORT_TYPE_LABELS[stored.report.type].toLowerCase();
  if (evidenceId) {
    const model = {
      partnerName: partner.name,
      reference: stored.reference,
      files: Math.max(1, stored.evidenceCount ?? 1),
      caseUrl: `${siteUrl}/officer/report/?ref=${stored.reference}`,
    };
    return email(
      partner.email,
      `New evidence on ${kind} report ${stored.reference}, ${area}`,
      partnerEvidenceText(model),
      partnerEvidenceHtml(model),
    );
  }
  // An incident is minimised and described by the report's own rules, without contact details.
  const about = incident ? incidentAsReport(stored.report, incident.incident) : stored.report;
  const model = {
    partnerName: partner.name,
    partnershipName: profile.name,
    reference: stored.reference,
    rows: describeReport(minimiseForPartner(about, dataLevel), profile),
    dataNote: dataNote(dataLevel, stored.report.anonymous === true),
    assigned,
    incident: incident !== undefined,
  };
  // No personal data in the subject: it shows in notifications and on lock screens.
  const subject = incident
    ? `New incident on ${kind} report ${stored.reference}, ${area}`
    : `${assigned ? 'Assigned' : 'New'} ${kind} report ${stored.reference}, ${area}`;
  return email(partner.email, subject, partnerReportText(model), partnerReportHtml(model));
}

/**
 * The email for a Case Review's outbox entry: to the applicant (their own address, or the
 * victim's when the victim applied), or to a partner the application names; undefined
 * when there is no address to send it to.
 */
export function composeCaseReviewEmail(
  entry: OutboxEntry,
  review: StoredCaseReview,
  profile: Profile,
  partners: readonly Partner[],
  siteUrl: string,
): OutgoingEmail | undefined {
  if (entry.target.kind !== 'case-review') return undefined;
  const { step, partnerId } = entry.target;
  const partner = partnerId === undefined ? undefined : partners.find((p) => p.id === partnerId);
  const to = partnerId === undefined ? applicantEmail(review.application) : partner?.email;
  if (!to || (partnerId !== undefined && !partner)) return undefined;
  const model = caseReviewModel(review, step, profile, new Date(entry.createdAt), siteUrl, partner?.name);
  return { to, from: profile.senderEmail, subject: headerText(model.subject), text: caseReviewText(model), html: caseReviewHtml(model) };
}
