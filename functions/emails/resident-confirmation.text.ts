/**
 * Plain-text half of the resident's confirmation (pair: resident-confirmation.html.ts).
 * Deliberately holds no details of the report: a shared inbox must not reveal them.
 */
import { plainText } from '../../shared/ui/plain-text';

export interface ResidentEmailModel {
  name: string;
  partnershipName: string;
  reference: string;
  siteUrl: string;
}

export function residentConfirmationText(m: ResidentEmailModel): string {
  return `Dear ${plainText(m.name)},

Thank you for your report to the ${plainText(m.partnershipName)}.

Your reference is ${m.reference}

Keep this reference. Quote it if you contact us about this report.
We have passed your report to the partner organisations that deal with it.
Someone will contact you if they need more information.

See how far your report has got, and any updates we send, with your
reference and this email address: ${m.siteUrl}/report/status/

If you are in danger or a crime is happening now, call 999.
For anything else that needs the police, call 101.

${m.siteUrl}
`;
}
