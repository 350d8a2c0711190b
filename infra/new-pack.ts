/**
 * The files of a new partnership pack, from the few answers only a partnership can give.
 * Everything else takes a sensible default; the site content is a minimal plan and
 * priorities year whose every sentence is marked PLACEHOLDER, so `npm run partnership --
 * check` lists what is left to write and the site never passes it off as the partnership's.
 */
import type { BANK_HOLIDAY_CALENDARS, DataLevel, Profile } from '../shared/config/profile-schema';
import { PLACEHOLDER } from '../shared/config/check-pack';
import type { REPORT_TYPES } from '../shared/contracts/report-vocabulary';

export interface PackAnswers {
  id: string;
  name: string;
  contact: { team: string; email: string; phone: string };
  senderEmail: string;
  calendar: (typeof BANK_HOLIDAY_CALENDARS)[number];
  areas: { id: string; name: string; postcodeDistricts: string[] }[];
  partners: { name: string; email: string; dataLevel: DataLevel; types: (typeof REPORT_TYPES)[number][]; areas: '*' | string[] }[];
}

const placeholder = (what: string) => `${PLACEHOLDER}: ${what}`;

/** A kebab-case id from a name ("Tarn & Moor Homes" → "tarn-and-moor-homes"). */
export const kebab = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Unique kebab-case ids for the partners, from their names. */
function partnerIds(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = kebab(name).split('-').slice(0, 4).join('-') || 'partner';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every file of the pack, by its path inside the pack folder. */
export function newPack(answers: PackAnswers, now: Date): Record<string, string> {
  const ids = partnerIds(answers.partners.map((p) => p.name));
  const profile = {
    id: answers.id,
    name: answers.name,
    senderEmail: answers.senderEmail,
    contact: { ...answers.contact, hours: 'Monday to Friday, 9am to 5pm' },
    areas: answers.areas,
    partners: answers.partners.map((p, i) => ({
      id: ids[i],
      name: p.name,
      email: p.email,
      dataLevel: p.dataLevel,
      handles: { types: p.types, areas: p.areas },
    })),
    // Two years, then DynamoDB removes a report: long enough to see a pattern of repeat
    // reports and a Case Review, short enough to keep no more than the work needs.
    retention: { reportDays: 730 },
    // Graded within a working day; high risk contacted within one, the rest within three or ten.
    workflow: { triageWorkingDays: 1, responseWorkingDays: { high: 1, medium: 3, standard: 10 }, calendar: answers.calendar },
    // The commonest local thresholds: three reports in three months marks a repeat victim,
    // three in six months meets the ASB Case Review.
    flags: { repeatVictim: { reports: 3, months: 3 }, caseReview: { reports: 3, months: 6 } },
    // The commonest Case Review rule (three complaints in six months, each within a month of
    // the incident) and timescales; who looks at a decision again is the partnership's to fill in.
    caseReview: {
      threshold: { complaints: 3, windowDays: 180, reportedWithinDays: 31, hateIncidentMeets: false },
      timescales: { acknowledgeWorkingDays: 5, decideWorkingDays: 10, reviewWorkingDays: 20, outcomeWorkingDays: 5 },
      escalation: {
        to: placeholder("who looks at a decision again, e.g. the Police and Crime Commissioner's office"),
        email: answers.contact.email,
        phone: answers.contact.phone,
      },
      retentionDays: 2190,
    },
    polls: { minimumSecondsToVote: 3, burstBallotsPerHour: 10, ballotDaysAfterClose: 365, resultsDaysAfterClose: 2555 },
  };

  const year = now.getUTCFullYear();
  const today = now.toISOString().slice(0, 10);
  const planId = `${year}-${year + 3}`;
  const financialYear = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
  const lead = answers.partners[0]!.name;
  const partnership = {
    name: answers.name,
    summary: placeholder('one or two sentences on who the partnership is and what it does.'),
    areas: answers.areas.map((a) => ({ id: a.id, name: a.name, description: placeholder(`what ${a.name} is like, in a sentence.`) })),
    members: answers.partners.map((p) => ({ name: p.name, kind: 'partner', role: placeholder(`what ${p.name} does in the partnership.`) })),
  };
  const plan = [
    '---',
    `title: "${placeholder(`Community safety plan ${year} to ${year + 3}`)}"`,
    `period: { start: "${year}-04-01", end: "${year + 3}-03-31" }`,
    `summary: "${placeholder('what the plan sets out to do, in a sentence.')}"`,
    'strategicAssessment:',
    `  title: "${placeholder('the strategic assessment the plan rests on')}"`,
    `  published: "${today}"`,
    `  findings: ["${placeholder('a finding of the assessment, with its figure.')}"]`,
    'priorities:',
    '  - id: first-priority',
    `    title: "${placeholder('the first priority')}"`,
    '    tier: local',
    `    why: "${placeholder('why it is a priority, from the assessment.')}"`,
    '    actions:',
    '      - id: first-action',
    `        title: "${placeholder('the first action')}"`,
    `        leadPartner: ${JSON.stringify(lead)}`,
    `        due: "${year + 1}-03-31"`,
    '        status: not-started',
    `        measure: "${placeholder('how the partnership will know it worked.')}"`,
    '---',
    '',
    placeholder('an introduction to the plan, in plain English.'),
    '',
  ].join('\n');
  const priorities = {
    year: financialYear,
    plan: planId,
    priorities: [
      {
        title: placeholder('the first priority'),
        tier: 'local',
        summary: placeholder('what the partnership does about it this year.'),
        actions: ['first-action'],
      },
    ],
  };
  return {
    'profile.json': json(profile),
    [`content/partnership/${answers.id}.json`]: json(partnership),
    [`content/plans/${planId}.md`]: plan,
    [`content/priorities/${financialYear}.json`]: json(priorities),
  };
}

/** A partnership's areas and routing at a glance, for `check`. */
export function describePack(profile: Profile): string {
  const areaName = new Map(profile.areas.map((a) => [a.id, a.name]));
  const lines = [
    `${profile.name} (id ${profile.id}), email from ${profile.senderEmail}, ${profile.workflow.calendar} bank holidays`,
    'Areas:',
    ...profile.areas.map((a) => `  ${a.name}: ${a.postcodeDistricts.join(', ')}`),
    'Partners, what they receive and how much of it:',
    ...profile.partners.map((p) => {
      const where = p.handles.areas === '*' ? 'every area' : p.handles.areas.map((id) => areaName.get(id)).join(', ');
      const what = [
        p.handles.types.join(' and '),
        p.handles.asbCategories ? `(${p.handles.asbCategories.join(', ')} ASB)` : '',
        p.handles.hateMotivations ? `(${p.handles.hateMotivations.join(', ')} hate crime)` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `  ${p.name} <${p.email}>: ${what} in ${where}; data level ${p.dataLevel}`;
    }),
  ];
  return lines.join('\n');
}
