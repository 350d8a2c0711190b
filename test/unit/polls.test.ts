import { kebabId } from '../../shared/contracts/kebab-id';
import { describe, expect, it } from 'vitest';
import { parsePolls, pollSchema, type Poll } from '../../shared/contracts/poll';
import { decodeBallotForm } from '../../shared/contracts/ballot';
import { ballotCounts, checkChoices, checkFollowUps, pollState, postcodeDistrict, resultsVisible } from '../../shared/domain/poll-rules';
import { effectiveTallies, formatShare, pollResults, type TallyEntry } from '../../shared/domain/poll-results';
import { findBursts } from '../../shared/domain/ballot-bursts';
import { readVoterCookie, voterCookieValue, newVoterId, setVoterCookie, cookieValue } from '../../functions/polls/voter-cookie';
import { h } from 'preact';
import { resultsCsv, Thanks } from '../../shared/ui/poll-results';
import { PollForm } from '../../shared/ui/poll-form';
import { toHtml } from '../../shared/ui/render';
import { testPolls } from '../support/test-polls';

const poll = (overrides: Record<string, unknown> = {}): Poll => pollSchema.parse({ ...testPolls.open, ...overrides });
const upTo = poll({ tokens: { count: 3, rule: 'up-to' }, eligibility: undefined });

describe('poll content', () => {
  it('refuses a poll that cannot work, naming the file and the field', () => {
    const bad = (change: Record<string, unknown>) => () =>
      parsePolls([{ source: 'polls/test-open.json', raw: { ...testPolls.open, ...change } }]);
    expect(bad({ closesAt: testPolls.open.opensAt })).toThrow(/test-open.json: closesAt: must be after opensAt/);
    expect(bad({ tokens: undefined })).toThrow(/tokens: a charity-pot poll must say how many tokens/);
    expect(
      bad({
        options: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      }),
    ).toThrow(/option "a" is listed twice/);
    expect(bad({ opensAt: '24/04/2025' })).toThrow(/opensAt: must be a date and time/);
    expect(bad({ eligibility: { postcodeDistricts: ['fb1'] } })).toThrow(/postcode district in capitals/);
    expect(() => parsePolls([{ source: 'polls/other-name.json', raw: testPolls.open }])).toThrow(
      /id: must match the file name \("other-name"\)/,
    );
    expect(() => pollSchema.parse({ ...testPolls.single, tokens: { count: 3, rule: 'exactly' } })).toThrow(
      /single-choice poll has no tokens/,
    );
  });
});

describe('poll rules', () => {
  it('opens at opensAt and closes at closesAt exactly', () => {
    const p = { opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z', results: 'after-close' as const };
    expect(pollState(p, new Date('2026-12-31T23:59:59.999Z'))).toBe('upcoming');
    expect(pollState(p, new Date('2027-01-01T00:00:00Z'))).toBe('open');
    expect(pollState(p, new Date('2027-01-31T23:59:59.999Z'))).toBe('open');
    expect(pollState(p, new Date('2027-02-01T00:00:00Z'))).toBe('closed');
    expect(resultsVisible(p, new Date('2027-01-15T00:00:00Z'))).toBe(false);
    expect(resultsVisible(p, new Date('2027-02-01T00:00:00Z'))).toBe(true);
    expect(resultsVisible({ ...p, results: 'live' }, new Date('2026-12-31T00:00:00Z'))).toBe(false);
    expect(resultsVisible({ ...p, results: 'live' }, new Date('2027-01-15T00:00:00Z'))).toBe(true);
  });

  it('places exactly N tokens, or up to N and at least one', () => {
    const exactly = poll();
    expect(checkChoices(exactly, { allocation: { burglary: 5 } })).toEqual([]);
    expect(checkChoices(exactly, { allocation: { burglary: 2, 'drug-misuse': 3, 'no-concern': 0 } })).toEqual([]);
    expect(checkChoices(exactly, { allocation: { burglary: 4 } })[0]!.message).toBe('Place all 5 tokens: you have 1 left to place');
    expect(checkChoices(exactly, { allocation: { burglary: 3, 'drug-misuse': 3 } })[0]!.message).toBe(
      'You placed 6 tokens but have only 5: take 1 away',
    );
    expect(checkChoices(exactly, { allocation: { burglary: 6 } })[0]).toEqual({
      path: 'tokens.burglary',
      message: 'You have 5 tokens, so you cannot place 6 on one concern',
    });
    expect(checkChoices(exactly, { allocation: { burglary: -1, 'drug-misuse': 6 } }).map((e) => e.path)).toEqual([
      'tokens.burglary',
      'tokens.drug-misuse',
    ]);
    expect(checkChoices(exactly, { allocation: { arson: 5 } })[0]!.path).toBe('tokens.arson');
    expect(checkChoices(exactly, { allocation: { burglary: 2.5, 'drug-misuse': 2.5 } })[0]!.message).toMatch(/whole number/);
    expect(checkChoices(upTo, { allocation: { burglary: 1 } })).toEqual([]);
    expect(checkChoices(upTo, { allocation: { burglary: 3 } })).toEqual([]);
    expect(checkChoices(upTo, { allocation: { burglary: 0 } })[0]!.message).toMatch(/at least one token/);
    expect(checkChoices(upTo, {})[0]!.message).toMatch(/at least one token/);
    expect(checkChoices(upTo, { allocation: { burglary: 2, 'no-concern': 2 } })[0]!.message).toMatch(/take 1 away/);
  });

  it('takes one known answer in a single-choice poll, counted as one vote', () => {
    const single = pollSchema.parse(testPolls.single);
    expect(checkChoices(single, { choice: 'burglary' })).toEqual([]);
    expect(checkChoices(single, {})[0]!.message).toBe('Choose one answer');
    expect(checkChoices(single, { choice: 'arson' })[0]!.path).toBe('choice');
    expect(checkChoices(single, { allocation: { burglary: 1 } })[0]!.path).toBe('tokens');
    expect(ballotCounts(single, { choice: 'burglary' })).toEqual({ burglary: 1 });
    expect(ballotCounts(poll(), { allocation: { burglary: 5, 'no-concern': 0 } })).toEqual({ burglary: 5 });
  });

  it('checks follow-up answers against their questions', () => {
    const p = poll();
    expect(checkFollowUps(p, { where: 'oakridge', more: 'By the park' })).toEqual([]);
    expect(checkFollowUps(p, { where: 'mars' })[0]!.path).toBe('followUps.where');
    expect(checkFollowUps(p, { more: 'x'.repeat(201) })[0]!.message).toMatch(/200 characters or fewer; it is 201/);
    expect(checkFollowUps(p, { colour: 'red' })[0]!.path).toBe('followUps.colour');
  });

  it('keeps only the postcode district', () => {
    expect(['cm9 4lx', 'CM94LX', ' FB3 ', 'sw1a 1aa', 'B1 1AA', 'fb3'].map(postcodeDistrict)).toEqual([
      'CM9',
      'CM9',
      'FB3',
      'SW1A',
      'B1',
      'FB3',
    ]);
    expect(['', 'not a postcode', '123', 'CM9 4L', 'AAA1'].map(postcodeDistrict)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('the vote form', () => {
  it('decodes numbers, blanks as 0, and refuses fields it does not know', () => {
    const decoded = decodeBallotForm([
      ['tokens.burglary', ' 3 '],
      ['tokens.robbery', ''],
      ['tokens.drug-misuse', 'two'],
      ['followUps.where', 'oakridge'],
      ['followUps.more', '  '],
      ['postcode', 'FB3'],
      ['website', ''],
      ['colour', 'red'],
      ['tokens.__proto__', '1'],
      ['a.b.c', '1'],
    ]);
    expect(decoded.value).toEqual({ allocation: { burglary: 3, robbery: 0 }, followUps: { where: 'oakridge' }, postcode: 'FB3' });
    expect(decoded.errors.map((e) => e.path)).toEqual(['tokens.drug-misuse', 'colour', 'tokens.__proto__', 'a.b.c']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('renders every value escaped, with each problem beside its field', () => {
    const html = toHtml(
      h(PollForm, {
        poll: poll({ title: 'Poll <b>' }),
        values: { 'tokens.burglary': '"><script>', postcode: '<i>' },
        errors: [{ path: 'tokens', message: 'Place all <5>' }],
      }),
    );
    expect(html).toContain('Poll &lt;b>');
    expect(html).toContain('value="&quot;>&lt;script>"');
    expect(html).toContain('value="&lt;i>"');
    expect(html).toContain('href="#tokens-anti-social-behaviour">Place all &lt;5>');
    expect(html).not.toMatch(/<script>|<i>/);
  });
});

describe('voter cookie', () => {
  const secret = 'test-secret';
  it('reads back what it signed, for that poll only, and refuses anything altered', () => {
    const voter = { voterId: newVoterId(), startedAt: 1_795_000_000 };
    const value = voterCookieValue(secret, 'p1', voter);
    expect(readVoterCookie(secret, 'p1', value)).toEqual(voter);
    expect(readVoterCookie(secret, 'p2', value)).toBeUndefined();
    expect(readVoterCookie('other', 'p1', value)).toBeUndefined();
    expect(readVoterCookie(secret, 'p1', value.replace('.1795000000.', '.1794000000.'))).toBeUndefined();
    expect(readVoterCookie(secret, 'p1', undefined)).toBeUndefined();
    expect(readVoterCookie(secret, 'p1', 'garbage')).toBeUndefined();
  });

  it('is HttpOnly, scoped to the poll, Secure on https, and found in either cookie form', () => {
    const header = setVoterCookie('v', 'p1', '2027-01-01T00:00:00Z', new Date('2026-12-01T00:00:00Z'), true);
    expect(header).toBe(`voter=v; Path=/api/polls/p1/; Max-Age=${31 * 86_400 + 30 * 86_400}; HttpOnly; SameSite=Lax; Secure`);
    expect(cookieValue({ cookies: ['a=1', 'voter=x.y'], headers: {} }, 'voter')).toBe('x.y');
    expect(cookieValue({ headers: { cookie: 'a=1; voter=z' } }, 'voter')).toBe('z');
  });
});

describe('results', () => {
  const entry = (id: string, counts: Record<string, number>, extra: Partial<TallyEntry> = {}): TallyEntry => ({
    entryId: id,
    pollId: 'test-open',
    event: { name: 'Fete', date: '2026-07-11', place: 'Park' },
    counts,
    recordedBy: 'o',
    recordedAt: `2026-07-13T09:0${id.length}:00Z`,
    ...extra,
  });

  it('counts only the latest entry of each correction chain', () => {
    const tallies = [
      entry('a', { burglary: 41 }),
      entry('bb', { burglary: 14 }, { corrects: 'a' }),
      entry('ccc', { burglary: 15 }, { corrects: 'bb' }),
      entry('d', { robbery: 2 }),
    ];
    expect(effectiveTallies(tallies).map((t) => t.entryId)).toEqual(['ccc', 'd']);
  });

  it('adds events to the online count, ranks ties 1, 2, 2, 4 and keeps zeros', () => {
    const r = pollResults(poll(), { counts: { burglary: 5, 'drug-misuse': 3 }, ballots: 2, final: false }, [
      entry('a', { 'anti-social-behaviour': 10, 'drug-misuse': 2 }),
    ]);
    expect(r.rows.map((row) => [row.optionId, row.count, row.rank])).toEqual([
      ['anti-social-behaviour', 10, 1],
      ['drug-misuse', 5, 2],
      ['burglary', 5, 2],
      ['no-concern', 0, 4],
    ]);
    expect(r.total).toBe(20);
    expect(r.channels.map((c) => [c.channel, c.total])).toEqual([
      ['online', 8],
      ['a', 12],
    ]);
    expect(formatShare(r.rows[0]!.share)).toBe('50%');
    expect(formatShare(1 / 3)).toBe('33.3%');
  });

  it('escapes labels in the CSV and the thank-you page', () => {
    const p = poll({
      options: [
        { id: 'a', label: '=HYPERLINK("x")' },
        { id: 'b', label: '<b>B</b>' },
      ],
    });
    const r = pollResults(p, { counts: { a: 1 }, ballots: 1, final: true }, []);
    expect(resultsCsv(r)).toContain(`"'=HYPERLINK(""x"")"`);
    const html = toHtml(h(Thanks, { poll: p, placed: [{ label: '<b>B</b>', count: 2 }], results: r, now: new Date() }));
    expect(html).toContain('&lt;b>B&lt;/b>: 2 tokens');
    expect(html).not.toContain('<b>B</b>');
  });

  it('flags more than the threshold from one address in one hour, never fewer', () => {
    const at = (h: string, n: number, hash = 'aaaaaaaaaaaa') =>
      Array.from({ length: n }, () => ({ ipHash: hash, castAt: `2026-11-23T${h}:10:00Z` }));
    expect(findBursts([...at('10', 10), ...at('11', 11), ...at('11', 3, 'bbbbbbbbbbbb')], 10)).toEqual([
      { address: 'aaaaaaaa', hour: '2026-11-23T11', ballots: 11 },
    ]);
  });
});

describe('ids made from words', () => {
  it('are kebab-case, drop accents rather than split on them, and stay within the length', () => {
    expect(kebabId('Anti-social behaviour')).toBe('anti-social-behaviour');
    expect(kebabId('Crème brûlée at the Fête!')).toBe('creme-brulee-at-the-fete');
    expect(kebabId('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(kebabId('!!!')).toBe('');
    expect(kebabId('a '.repeat(40), 10)).toBe('a-a-a-a-a');
  });
});
