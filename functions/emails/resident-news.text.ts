/**
 * Plain-text half of the news a resident gets when it matters (pair:
 * resident-news.html.tsx): who took their report on, how it was closed and what to do if
 * the problem carries on, or a replaced private link. Never the report itself: the private
 * link shows that to whoever opens it.
 */
import type { Profile } from '../../shared/config/profile-schema';
import type { ReportType } from '../../shared/contracts/report-vocabulary';
import { OUTCOME_TEXT } from '../../shared/ui/status-check';
import { plainText } from '../../shared/ui/plain-text';
import type { ResidentNews } from '../reports/records';

export interface ResidentNewsModel {
  name: string;
  partnershipName: string;
  contact: Profile['contact'];
  reference: string;
  type: ReportType;
  news: ResidentNews;
  siteUrl: string;
  privateLink?: string | undefined;
}

export function newsSubject(m: Pick<ResidentNewsModel, 'reference' | 'news'>): string {
  if (m.news.event === 'assigned') return `Your report ${m.reference} is being dealt with`;
  if (m.news.event === 'closed') return `Your report ${m.reference} is closed`;
  return `A new private link to your report ${m.reference}`;
}

/** The news in sentences, shared by both halves of the email. */
export function newsParagraphs(m: ResidentNewsModel): string[] {
  const { news } = m;
  if (news.event === 'assigned') return [`Your report ${m.reference} has been passed to ${news.partnerName}, who will deal with it.`];
  if (news.event === 'link-replaced')
    return [`We have replaced the private link to your report ${m.reference}. The old link no longer works: use the new one below.`];
  const carriesOn = [
    `We have closed your report ${m.reference}. ${OUTCOME_TEXT[news.outcome]}`,
    `If the problem carries on, make a new report at ${m.siteUrl}/report/ and mention reference ${m.reference}.`,
  ];
  if (m.type === 'asb')
    carriesOn.push(
      `If you have reported the same anti-social behaviour several times and feel it has not been dealt with, you may be able to ask for an ASB Case Review. Find out how at ${m.siteUrl}/case-review/ or contact the ${m.contact.team} (${m.contact.email}, ${m.contact.phone}).`,
    );
  return carriesOn;
}

export function residentNewsText(m: ResidentNewsModel): string {
  return `Dear ${plainText(m.name)},

${newsParagraphs(m).map(plainText).join('\n\n')}
${m.privateLink ? `\nSee your report and every update at your private link (keep it private):\n${m.privateLink}\n` : ''}
If you are in danger or a crime is happening now, call 999.
For anything else that needs the police, call 101.

${plainText(m.partnershipName)}
`;
}
