/** HTML half of the email telling a partner that the resident attached a file (pair: partner-evidence.text.ts). */
import { emailDocument } from './email-document';
import { filesInWords, type PartnerEvidenceModel } from './partner-evidence.text';

export function partnerEvidenceHtml(m: PartnerEvidenceModel): string {
  return emailDocument(
    `New evidence on report ${m.reference}`,
    <>
      <p>To: {m.partnerName}</p>
      <p>
        The resident has attached a file (a photo, recording, video or document) to report <strong>{m.reference}</strong>, which your
        organisation already has. The report now has {filesInWords(m.files)}.
      </p>
      <p>
        Files are not sent by email. <a href={m.caseUrl}>Open them in the workspace</a>, where they have been checked for viruses and photos
        have had their location and camera details removed.
      </p>
    </>,
  );
}
