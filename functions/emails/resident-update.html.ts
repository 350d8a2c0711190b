/** HTML half of an officer's update to the resident (pair: resident-update.text.ts). */
import { escapeHtml, htmlText } from '../../shared/ui/escape';
import type { ResidentUpdateModel } from './resident-update.text';

export function residentUpdateHtml(m: ResidentUpdateModel): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An update on your report</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">
<p>Dear ${htmlText(m.name)},</p>
<p>There is an update on your report <strong>${escapeHtml(m.reference)}</strong> to the ${escapeHtml(m.partnershipName)}:</p>
<blockquote style="border-left:4px solid #b1b4b6;margin:0;padding:0 0 0 12px">${htmlText(m.message)}</blockquote>
<p>You can <a href="${escapeHtml(m.statusUrl)}">check the status of your report</a> at any time with your reference and this email address.</p>
<p>If you are in danger or a crime is happening now, call 999. For anything else that needs the police, call 101.</p>
</body></html>
`;
}
