/** Plain-text half of the partner email (pair: partner-report.html.ts). */
import type { Row } from '../../shared/domain/describe-report';
import { plainText } from '../../shared/ui/plain-text';

export interface PartnerEmailModel {
  partnerName: string;
  partnershipName: string;
  reference: string;
  rows: Row[];
  dataNote: string;
  /** Sent because an officer assigned the report (not by the routing rules). */
  assigned?: boolean | undefined;
  /** About an incident the resident added to a report the partner already has. */
  incident?: boolean;
}

/** Why the partner is getting this email, in one sentence (both halves). */
export function partnerIntro(m: Pick<PartnerEmailModel, 'partnershipName' | 'assigned' | 'incident'>): string {
  if (m.incident) return 'The resident has added something else that happened to this report, which your organisation already has.';
  if (m.assigned) return 'A partnership officer has assigned this report to you for action.';
  return `A resident has made a report through the ${m.partnershipName} portal.`;
}

export function partnerReportText(m: PartnerEmailModel): string {
  const rows = m.rows.map((r) => `${plainText(r.label)}:\n  ${plainText(r.value).replace(/\n/g, '\n  ')}`).join('\n\n');
  return `To: ${plainText(m.partnerName)}

${plainText(partnerIntro(m))}

Reference: ${m.reference}

${rows}

${plainText(m.dataNote)}

This email contains personal data. Keep it only as long as your organisation's
retention policy allows, and do not forward it outside your organisation.
`;
}
