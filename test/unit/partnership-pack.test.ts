/**
 * A partnership pack is checked whole before anything runs: each kind of mistake a
 * partnership can make in its pack is named with the file, the field and the fix, and a
 * pack written by `npm run partnership -- new` passes with its placeholders listed.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { partnershipArgument } from '../../infra/choose-partnership';
import { describePack, newPack, type PackAnswers } from '../../infra/new-pack';
import { checkPack } from '../../shared/config/check-pack';
import { ROOT, samplePacks } from '../../shared/config/partnership-pack';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'packs', 'fernbrook');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture pack to break one thing in. */
function copyPack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csp-pack-'));
  made.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

// biome-ignore lint/suspicious/noExplicitAny: each test breaks a different field of a pack's JSON on purpose.
type Json = Record<string, any>;
function edit(dir: string, file: string, change: (data: Json) => void): void {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Json;
  change(data);
  writeFileSync(path, JSON.stringify(data));
}

describe('checking a partnership pack', () => {
  it('passes the fixture pack with nothing left to write', () => {
    const report = checkPack(FIXTURE);
    expect(report.problems).toEqual([]);
    expect(report.placeholders).toEqual([]);
  });

  it('says a folder that does not exist is not a pack, and lists the sample packs', () => {
    const [problem] = checkPack(join(tmpdir(), 'no-such-pack')).problems;
    expect(problem).toMatch(/no partnership pack at .*no-such-pack: the folder does not exist/);
    expect(samplePacks().length).toBeGreaterThan(0);
    for (const sample of samplePacks()) expect(problem).toContain(sample);
    expect(problem).toContain('npm run partnership -- new');
  });

  it('names a missing profile and a missing content folder', () => {
    const dir = copyPack();
    rmSync(join(dir, 'profile.json'));
    rmSync(join(dir, 'content'), { recursive: true });
    const { problems } = checkPack(dir);
    expect(problems).toEqual([
      expect.stringMatching(/profile\.json: missing\. .*copy one from a sample pack/),
      expect.stringMatching(/content: missing\./),
    ]);
  });

  it('names each profile mistake with its field and what to do', () => {
    const dir = copyPack();
    edit(dir, 'profile.json', (p) => {
      p.colour = 'blue';
      p.senderEmail = 'reports at the council';
      p.partners[1].id = p.partners[0].id;
      p.partners[2].handles.areas = ['atlantis'];
      p.areas[1].postcodeDistricts.push(p.areas[0].postcodeDistricts[0]);
    });
    const [message] = checkPack(dir).problems;
    expect(message).toContain(`${join(dir, 'profile.json')}`);
    expect(message).toMatch(/\(root\): unknown field "colour": remove it or check its spelling/);
    expect(message).toMatch(/senderEmail: /);
    expect(message).toMatch(/partners\.1\.id: duplicate partner id/);
    expect(message).toMatch(/partners\.2\.handles\.areas: unknown area "atlantis"; known areas: /);
    expect(message).toMatch(/areas\.1\.postcodeDistricts\.\d+: \w+ is already in area "[a-z-]+"; a postcode district belongs to one area/);
  });

  it('names content that refers to an area, a district or an action the pack lacks', () => {
    const dir = copyPack();
    mkdirSync(join(dir, 'content', 'events'), { recursive: true });
    writeFileSync(
      join(dir, 'content', 'events', 'fete.json'),
      JSON.stringify({
        title: 'Fete',
        kind: 'event',
        start: '2027-06-01T10:00:00Z',
        place: 'The green',
        area: 'atlantis',
        description: 'Pots.',
      }),
    );
    const poll = readFileSync(join(dir, 'content', 'polls', '2027-28-priorities.json'), 'utf8');
    const pollData = JSON.parse(poll) as Json;
    pollData.eligibility = { postcodeDistricts: ['ZZ9'] };
    writeFileSync(join(dir, 'content', 'polls', '2027-28-priorities.json'), JSON.stringify(pollData));
    edit(dir, 'content/priorities/2025-26.json', (p) => {
      p.priorities[0].actions.push('no-such-action');
    });
    const problems = checkPack(dir).problems.join('\n');
    expect(problems).toMatch(
      /events\/fete\.json: area: unknown area "atlantis"; the profile's areas are: .*Use one of them, or add the area/,
    );
    expect(problems).toMatch(/polls\/2027-28-priorities\.json: eligibility\.postcodeDistricts\.0: ZZ9 is in none of the profile's areas/);
    expect(problems).toMatch(/priorities\/2025-26\.json: priorities\.0\.actions\.\d+: unknown plan action "no-such-action"/);
  });

  it('names demonstration tallies for a poll, a pot or a correction the pack lacks', () => {
    const dir = copyPack();
    edit(dir, 'demo/event-tallies.json', (t) => {
      t.entries[0].counts.unicorns = 3;
      t.entries[1].corrects = 'no-such-entry';
    });
    const problems = checkPack(dir).problems.join('\n');
    expect(problems).toMatch(/demo\/event-tallies\.json:\n {2}- entries\.0\.counts\.unicorns: not an option of [\w-]+; options: /);
    expect(problems).toMatch(/entries\.1\.corrects: "no-such-entry" is not an earlier entry's entryId/);
    edit(dir, 'demo/event-tallies.json', (t) => {
      t.pollId = 'no-such-poll';
    });
    expect(checkPack(dir).problems.join('\n')).toMatch(/pollId: no poll "no-such-poll" in the pack's content\/polls/);
  });

  it('names demonstration Case Reviews that skip a step, date one before the last, or name an area or partner the pack lacks', () => {
    const dir = copyPack();
    const sample = (changes: Json): Json => ({
      id: 'sample',
      receivedAt: '2026-05-11T13:05:00Z',
      area: 'oakridge',
      problem: 'Damage to cars',
      complaints: [{ incidentOn: '2026-05-01', madeOn: '2026-05-02', to: 'police' }],
      ...changes,
    });
    const write = (applications: Json[]) => writeFileSync(join(dir, 'demo', 'case-reviews.json'), JSON.stringify({ applications }));
    write([
      sample({ acknowledgedAt: '2026-05-12T10:00:00Z', decision: { met: true, reasons: 'Met', at: '2026-05-20T11:00:00Z' } }),
      sample({ id: 'skips', decision: { met: true, reasons: 'Met', at: '2026-05-20T11:00:00Z' } }),
      sample({ id: 'early', acknowledgedAt: '2026-05-10T10:00:00Z' }),
      sample({ id: 'where', area: 'atlantis', complaints: [{ incidentOn: '2026-05-01', madeOn: '2026-05-02', to: 'nobody' }] }),
      sample({
        id: 'owner',
        acknowledgedAt: '2026-05-12T10:00:00Z',
        decision: { met: true, reasons: 'Met', at: '2026-05-20T11:00:00Z' },
        reviewHeld: { on: '2026-06-10', at: '2026-06-10T16:00:00Z' },
        outcome: {
          summary: 'Done',
          at: '2026-06-15T09:30:00Z',
          recommendations: [{ text: 'Patrol', owner: 'nobody', dueOn: '2026-09-30' }],
        },
      }),
    ]);
    const problems = checkPack(dir).problems.join('\n');
    expect(problems).toMatch(/demo\/case-reviews\.json:\n/);
    expect(problems).not.toMatch(/applications\.0:/);
    expect(problems).toMatch(/applications\.1: decide: Acknowledge the application before deciding/);
    expect(problems).toMatch(/applications\.2: acknowledge at 2026-05-10T10:00:00Z is before the step it follows/);
    expect(problems).toMatch(/applications\.3: victim\.area: /);
    expect(problems).toMatch(/applications\.3: complaints\.0\.to: /);
    expect(problems).toMatch(/applications\.4: recommendation owner "nobody" is not one of the partners/);
  });

  it("names a published partnership whose areas or name differ from the profile's", () => {
    const dir = copyPack();
    edit(dir, 'content/partnership/fernbrook.json', (p) => {
      p.name = 'Another partnership';
      p.areas = p.areas.slice(1);
      p.unknown = true;
    });
    const problems = checkPack(dir).problems.join('\n');
    expect(problems).toMatch(/partnership\/fernbrook\.json: \(root\): unknown field "unknown"/);
    edit(dir, 'content/partnership/fernbrook.json', (p) => {
      delete p.unknown;
    });
    const fixed = checkPack(dir).problems.join('\n');
    expect(fixed).toMatch(/partnership\/fernbrook\.json: name: "Another partnership" differs from the profile's name/);
    expect(fixed).toMatch(/partnership\/fernbrook\.json: areas: the ids .* must be the profile's areas in the same order/);
  });

  it('names unreadable content: bad JSON, Markdown without front matter, a file of the wrong kind', () => {
    const dir = copyPack();
    writeFileSync(join(dir, 'content', 'priorities', 'broken.json'), '{ "year": ');
    writeFileSync(join(dir, 'content', 'papers', 'notes.md'), 'Just text');
    writeFileSync(join(dir, 'content', 'papers', 'minutes.docx'), 'x');
    mkdirSync(join(dir, 'content', 'pages'), { recursive: true });
    writeFileSync(join(dir, 'content', 'pages', 'cookies.md'), '---\nheading: Cookies\n---\nText');
    const problems = checkPack(dir).problems.join('\n');
    expect(problems).toMatch(/priorities\/broken\.json: cannot be read: /);
    expect(problems).toMatch(/papers\/notes\.md: cannot be read: no front matter/);
    expect(problems).toMatch(/papers\/minutes\.docx: not published: files in papers\/ are \.md files/);
    expect(problems).toMatch(/pages\/cookies\.md: not used: a pack adds its own section to privacy\.md and accessibility\.md only/);
  });

  it('checks every sample pack the same way', () => {
    for (const sample of samplePacks()) expect(checkPack(join(ROOT, sample)).problems).toEqual([]);
  });
});

describe('a new pack', () => {
  const answers: PackAnswers = {
    id: 'north-vale',
    name: 'North Vale Community Safety Partnership',
    contact: { team: 'Community safety team', email: 'csp@north-vale.example', phone: '01632 960 900' },
    senderEmail: 'reports@north-vale.example',
    calendar: 'scotland',
    areas: [
      { id: 'town', name: 'Town', postcodeDistricts: ['NV1', 'NV2'] },
      { id: 'valley', name: 'Valley', postcodeDistricts: ['NV3'] },
      { id: 'hills', name: 'Hills', postcodeDistricts: ['NV4'] },
    ],
    partners: [
      { name: 'Council ASB team', email: 'asb@north-vale.example', dataLevel: 'full', types: ['asb'], areas: '*' },
      { name: 'Police', email: 'police@north-vale.example', dataLevel: 'full', types: ['asb', 'hate-crime'], areas: '*' },
      { name: 'Vale Homes', email: 'homes@north-vale.example', dataLevel: 'no-contact', types: ['asb'], areas: ['town', 'valley'] },
      { name: 'Police', email: 'police-rural@north-vale.example', dataLevel: 'summary', types: ['asb'], areas: ['hills'] },
    ],
  };

  it('is a valid pack whose every piece of content is listed as placeholder until written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-new-pack-'));
    made.push(dir);
    for (const [path, text] of Object.entries(newPack(answers, new Date('2026-11-30T09:00:00Z')))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const report = checkPack(dir);
    expect(report.problems).toEqual([]);
    expect(report.profile!.partners.map((p) => p.id)).toEqual(['council-asb-team', 'police', 'vale-homes', 'police-2']);
    expect(report.profile!.workflow.calendar).toBe('scotland');
    expect(report.placeholders.map((f) => f.replace(`${dir}/`, '')).sort()).toEqual([
      'content/partnership/north-vale.json',
      'content/plans/2026-2029.md',
      'content/priorities/2026-27.json',
      // Who looks at a Case Review decision again is the partnership's to name.
      'profile.json',
    ]);
    expect(report.profile!.caseReview.escalation.to).toContain('PLACEHOLDER');
    const summary = describePack(report.profile!);
    expect(summary).toContain('Vale Homes <homes@north-vale.example>: asb in Town, Valley; data level no-contact');
    expect(summary).toContain('Hills: NV4');
  });
});

describe('choosing a pack on the command line', () => {
  it('takes --partnership <folder> or --partnership=<folder> and leaves the other arguments', () => {
    expect(partnershipArgument(['--fresh', '--partnership', 'packs/x'])).toEqual({ folder: 'packs/x', rest: ['--fresh'] });
    expect(partnershipArgument(['--partnership=packs/y', '-c', 'stage=dev'])).toEqual({ folder: 'packs/y', rest: ['-c', 'stage=dev'] });
    expect(partnershipArgument(['--no-build'])).toEqual({ rest: ['--no-build'] });
    expect(() => partnershipArgument(['--partnership'])).toThrow(/needs a folder/);
    expect(() => partnershipArgument(['--partnership', '--fresh'])).toThrow(/needs a folder/);
  });
});
