import { EmailRows, emailDocument } from './email-document';
import { type PartnerEmailModel, partnerIntro } from './partner-report.text';

export function partnerReportHtml(m: PartnerEmailModel): string {
  return emailDocument(
    `Report ${m.reference}`,
    <>
      <p>To: {m.partnerName}</p>
      <p>{partnerIntro(m)}</p>
      <p>
        <strong>Reference: {m.reference}</strong>
      </p>
      <EmailRows rows={m.rows} />
      <p>{m.dataNote}</p>
      <p>
        This email contains personal data. Keep it only as long as your organisation's retention policy allows, and do not forward it
        outside your organisation.
      </p>
    </>,
  );
}
