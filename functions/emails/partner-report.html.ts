/** HTML half of the partner email (pair: partner-report.text.ts). Every value escaped. */
import { escapeHtml, htmlText } from '../../shared/ui/escape';
import type { PartnerEmailModel } from './partner-report.text';

export function partnerReportHtml(m: PartnerEmailModel): string {
  const rows = m.rows
    .map(
      (r) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${escapeHtml(r.label)}</th><td style="padding:4px 0">${htmlText(r.value)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Report ${escapeHtml(m.reference)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">
<p>To: ${escapeHtml(m.partnerName)}</p>
<p>${m.assigned ? 'A partnership officer has assigned this report to you for action.' : `A resident has made a report through the ${escapeHtml(m.partnershipName)} portal.`}</p>
<p><strong>Reference: ${escapeHtml(m.reference)}</strong></p>
<table>
${rows}
</table>
<p>${escapeHtml(m.dataNote)}</p>
<p>This email contains personal data. Keep it only as long as your organisation's retention policy allows, and do not forward it outside your organisation.</p>
</body></html>
`;
}
