/**
 * Plain-text half of an officer's update to the resident (pair: resident-update.html.ts).
 * Carries only what the officer wrote: the report itself is never repeated in email.
 */
import { plainText } from '../../shared/ui/plain-text';

export interface ResidentUpdateModel {
  name: string;
  partnershipName: string;
  reference: string;
  message: string;
  statusUrl: string;
  /** The resident's private link (absolute), when the report has one. */
  privateLink?: string | undefined;
}

export function residentUpdateText(m: ResidentUpdateModel): string {
  return `Dear ${plainText(m.name)},

There is an update on your report ${m.reference} to the ${plainText(m.partnershipName)}:

${plainText(m.message)}

${
  m.privateLink
    ? `See your report and every update at your private link:
${m.privateLink}`
    : `You can check the status of your report at any time:
${m.statusUrl}
(you need your reference and this email address)`
}

If you are in danger or a crime is happening now, call 999.
For anything else that needs the police, call 101.
`;
}
