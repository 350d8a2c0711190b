/** HTML half of the resident's confirmation (pair: resident-confirmation.text.ts). */
import { escapeHtml, htmlText } from '../../shared/ui/escape';
import type { ResidentEmailModel } from './resident-confirmation.text';

export function residentConfirmationHtml(m: ResidentEmailModel): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Your report reference</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">
<p>Dear ${htmlText(m.name)},</p>
<p>Thank you for your report to the ${escapeHtml(m.partnershipName)}.</p>
<p style="font-size:24px"><strong>Your reference is ${escapeHtml(m.reference)}</strong></p>
<p>Keep this reference. Quote it if you contact us about this report.</p>
<p>We have passed your report to the partner organisations that deal with it. Someone will contact you if they need more information.</p>
<p>See how far your report has got, and any updates we send: <a href="${escapeHtml(m.siteUrl)}/report/status/">check your report's progress</a> with your reference and this email address.</p>
<p>If you are in danger or a crime is happening now, call 999. For anything else that needs the police, call 101.</p>
<p><a href="${escapeHtml(m.siteUrl)}">${escapeHtml(m.siteUrl)}</a></p>
</body></html>
`;
}
