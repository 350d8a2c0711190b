/**
 * Plain-text half of the resident's confirmation (pair: resident-confirmation.html.ts).
 * A copy of their answers, as GOV.UK Forms sends one, unless they asked to leave it out
 * (a shared inbox); the private link shows the report to whoever opens it, and says so.
 */
import type { Row } from '../../shared/domain/describe-report';
import { plainText } from '../../shared/ui/plain-text';

export interface ResidentEmailModel {
  name: string;
  partnershipName: string;
  reference: string;
  siteUrl: string;
  /** The resident's private link (absolute), when the report has one. */
  privateLink?: string | undefined;
  /** A copy of what they sent, unless they asked for it to be left out. */
  answers?: readonly Row[] | undefined;
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

${
  m.answers?.length
    ? `A copy of your answers
----------------------

${m.answers.map((r) => `${plainText(r.label)}:\n  ${plainText(r.value).replace(/\n/g, '\n  ')}`).join('\n\n')}

`
    : ''
}If you are in danger or a crime is happening now, call 999.
For anything else that needs the police, call 101.

${m.siteUrl}
`;
}
