/**
 * Plain-text half of the resident's confirmation (pair: resident-confirmation.html.ts).
 * Deliberately holds no details of the report: a shared inbox must not reveal them. The
 * private link does, to whoever opens it, and says so.
 */
import { plainText } from '../../shared/ui/plain-text';

export interface ResidentEmailModel {
  name: string;
  partnershipName: string;
  reference: string;
  siteUrl: string;
  /** The resident's private link (absolute), when the report has one. */
  privateLink?: string | undefined;
}

export function residentConfirmationText(m: ResidentEmailModel): string {
  return `Dear ${plainText(m.name)},

Thank you for your report to the ${plainText(m.partnershipName)}.

Your reference is ${m.reference}

Keep this reference. Quote it if you contact us about this report.
We have passed your report to the partner organisations that deal with it.
Someone will contact you if they need more information.

${
  m.privateLink
    ? `Follow your report online: what you told us, who is dealing with it and
every update we send. Keep this link private, as anyone with it can see
your report:
${m.privateLink}

Or check its progress with your reference and this email address:
${m.siteUrl}/report/status/`
    : `See how far your report has got, and any updates we send, with your
reference and this email address: ${m.siteUrl}/report/status/`
}

If you are in danger or a crime is happening now, call 999.
For anything else that needs the police, call 101.

${m.siteUrl}
`;
}
