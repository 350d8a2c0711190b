/**
 * Polls dated around the moment the tests run (open now, closed, not yet open, results
 * after close, single choice), so the tests never depend on the sample polls' dates.
 * Written as poll files, the way the site publishes them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DAY = 86_400_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const options = [
  { id: 'anti-social-behaviour', label: 'Anti-social behaviour' },
  { id: 'drug-misuse', label: 'Drug misuse' },
  { id: 'burglary', label: 'Burglary' },
  { id: 'no-concern', label: 'No concern' },
];
const base = { question: 'Which of these concerns you most?', description: 'A poll for the tests.', options };

export const testPolls = {
  open: {
    ...base,
    id: 'test-open',
    title: 'Open test poll',
    type: 'charity-pot',
    tokens: { count: 5, rule: 'exactly' },
    opensAt: at(-DAY),
    closesAt: at(30 * DAY),
    results: 'live',
    eligibility: { postcodeDistricts: ['FB1', 'FB3'] },
    followUps: [
      {
        id: 'where',
        kind: 'choice',
        question: 'Where worries you most?',
        options: [
          { id: 'oakridge', label: 'Oakridge' },
          { id: 'kingsmead', label: 'Kingsmead' },
        ],
      },
      { id: 'more', kind: 'text', question: 'Anything else?', maxLength: 200 },
    ],
  },
  upTo: {
    ...base,
    id: 'test-up-to',
    title: 'Up-to test poll',
    type: 'charity-pot',
    tokens: { count: 3, rule: 'up-to' },
    opensAt: at(-DAY),
    closesAt: at(30 * DAY),
    results: 'live',
  },
  hidden: {
    ...base,
    id: 'test-hidden',
    title: 'Results after close',
    type: 'charity-pot',
    tokens: { count: 3, rule: 'up-to' },
    opensAt: at(-DAY),
    closesAt: at(30 * DAY),
    results: 'after-close',
  },
  single: {
    ...base,
    id: 'test-single',
    title: 'Single-choice test poll',
    type: 'single-choice',
    opensAt: at(-DAY),
    closesAt: at(30 * DAY),
    results: 'live',
  },
  closed: {
    ...base,
    id: 'test-closed',
    title: 'Closed test poll',
    type: 'charity-pot',
    tokens: { count: 3, rule: 'up-to' },
    opensAt: at(-30 * DAY),
    closesAt: at(-DAY),
    results: 'after-close',
  },
  future: {
    ...base,
    id: 'test-future',
    title: 'Future test poll',
    type: 'charity-pot',
    tokens: { count: 3, rule: 'up-to' },
    opensAt: at(10 * DAY),
    closesAt: at(40 * DAY),
    results: 'live',
  },
} as const;

/** Writes the test polls into `dir/polls` (a content folder) or a new folder; returns the polls folder. */
export function writeTestPolls(contentDir?: string): string {
  const dir = contentDir ? join(contentDir, 'polls') : mkdtempSync(join(tmpdir(), 'csp-test-polls-'));
  mkdirSync(dir, { recursive: true });
  for (const poll of Object.values(testPolls)) writeFileSync(join(dir, `${poll.id}.json`), JSON.stringify(poll, null, 2));
  return dir;
}
