/**
 * Plain-text half of the note to the partnership's team that a resident wrote (pair:
 * team-message.html.tsx). It says what the message is about and where to read it; the
 * words stay in the workspace, where reading them is audited.
 */
import { plainText } from '../../shared/ui/plain-text';

export interface TeamMessageModel {
  partnershipName: string;
  reference: string;
  /** What the message is about, in words ("I want to withdraw my report"). */
  about: string;
  caseUrl: string;
}

export const teamMessageSubject = (m: Pick<TeamMessageModel, 'reference'>) => `Message from the resident on report ${m.reference}`;

export function teamMessageText(m: TeamMessageModel): string {
  return `The resident who made report ${m.reference} has sent the ${plainText(m.partnershipName)} a message
from their private link: "${plainText(m.about)}".

Read it in the officer workspace:
${m.caseUrl}
`;
}
