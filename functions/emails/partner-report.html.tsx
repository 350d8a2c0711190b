/** HTML half of the partner email (pair: partner-report.text.ts). */
import { Lines } from '../../shared/ui/lines';
import { emailDocument } from './email-document';
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
      <table>
        {m.rows.map((r) => (
          <tr>
            <th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">
              {r.label}
            </th>
            <td style="padding:4px 0">
              <Lines text={r.value} />
            </td>
          </tr>
        ))}
      </table>
      <p>{m.dataNote}</p>
      <p>
        This email contains personal data. Keep it only as long as your organisation's retention policy allows, and do not forward it
        outside your organisation.
      </p>
    </>,
  );
}
