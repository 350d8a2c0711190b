/**
 * Plain-text half of the email telling a partner that the resident attached a file to a
 * report it has (pair: partner-evidence.html.tsx). Files are never attached to email: it
 * says how many the report has and where to open them, where each opening is audited.
 */
import { plainText } from '../../shared/ui/plain-text';

export interface PartnerEvidenceModel {
  partnerName: string;
  reference: string;
  /** The report's files when the email is sent. */
  files: number;
  caseUrl: string;
}

export const filesInWords = (files: number) => (files === 1 ? '1 file' : `${files} files`);

export function partnerEvidenceText(m: PartnerEvidenceModel): string {
  return `To: ${plainText(m.partnerName)}

The resident has attached a file (a photo, recording, video or document) to report
${m.reference}, which your organisation already has. The report now has ${filesInWords(m.files)}.

Files are not sent by email. Open them in the workspace, where they have been checked
for viruses and photos have had their location and camera details removed:
${m.caseUrl}
`;
}
