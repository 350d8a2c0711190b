import { describe, expect, it } from 'vitest';
import {
  caseFigures,
  countOnce,
  MAX_CASE_REPORTS,
  occurredDay,
  planLink,
  planUnlink,
  rowOf,
  type CaseFile,
  type LinkSide,
} from '../../shared/domain/cases';
import type { FlagCandidate } from '../../shared/domain/flags';

const at = '2026-11-20T10:00:00.000Z';
const side = (reference: string, extra: Partial<LinkSide> = {}): LinkSide => ({ reference, status: 'new', expiresAt: 100, ...extra });
const link = { relation: 'same-problem' as const, at, by: 'officer.one', newCaseId: () => 'case-1' };
const file = (caseId: string, refs: string[], version = 1): CaseFile => ({
  caseId,
  members: refs.map((reference, i) => ({
    reference,
    ...(i ? { relation: 'same-problem' as const } : {}),
    linkedAt: at,
    linkedBy: 'a',
    expiresAt: 100,
  })),
  version,
  expiresAt: 100,
});

describe('linking reports into a case', () => {
  it('starts a case with the named report first, keeping the longer retention', () => {
    const plan = planLink(side('AAAAAAAA', { expiresAt: 50 }), side('BBBBBBBB', { expiresAt: 200 }), {}, link);
    expect(plan).toEqual({
      ok: true,
      joining: ['BBBBBBBB', 'AAAAAAAA'],
      file: {
        caseId: 'case-1',
        version: 1,
        expiresAt: 200,
        members: [
          { reference: 'BBBBBBBB', linkedAt: at, linkedBy: 'officer.one', expiresAt: 200 },
          { reference: 'AAAAAAAA', relation: 'same-problem', linkedAt: at, linkedBy: 'officer.one', expiresAt: 50 },
        ],
      },
    });
  });
  it('adds a report to the case the other is in, from either side, and bumps the case version', () => {
    const existing = file('c', ['BBBBBBBB', 'CCCCCCCC'], 3);
    for (const files of [{ to: existing }, { x: existing }]) {
      const [x, to] = files.x
        ? [side('BBBBBBBB', { caseId: 'c' }), side('AAAAAAAA')]
        : [side('AAAAAAAA'), side('BBBBBBBB', { caseId: 'c' })];
      const plan = planLink(x, to, files, { ...link, relation: 'duplicate' });
      if (!plan.ok) throw new Error(plan.message);
      expect(plan.joining).toEqual(['AAAAAAAA']);
      expect(plan.before).toBe(existing);
      expect(plan.file.version).toBe(4);
      expect(plan.file.members.map((m) => [m.reference, m.relation])).toEqual([
        ['BBBBBBBB', undefined],
        ['CCCCCCCC', 'same-problem'],
        ['AAAAAAAA', 'duplicate'],
      ]);
    }
  });
  it('lets the report kept longest stand for the case, so a case never leaves the inbox while a report of it is kept', () => {
    const existing = file('c', ['BBBBBBBB', 'CCCCCCCC']);
    const longer = planLink(side('AAAAAAAA', { expiresAt: 500 }), side('BBBBBBBB', { caseId: 'c' }), { to: existing }, link);
    expect(longer).toMatchObject({ ok: true, replacedRow: 'BBBBBBBB' });
    expect(longer.ok && rowOf(longer.file)).toBe('AAAAAAAA');
    const shorter = planLink(side('AAAAAAAA', { expiresAt: 50 }), side('BBBBBBBB', { caseId: 'c' }), { to: existing }, link);
    expect(shorter.ok && 'replacedRow' in shorter).toBe(false);
    expect(rowOf({ members: [] })).toBeUndefined();
  });
  it('treats a case that no longer lists the report as no case of its', () => {
    const plan = planLink(side('AAAAAAAA', { caseId: 'old' }), side('BBBBBBBB'), { x: file('old', ['CCCCCCCC', 'DDDDDDDD']) }, link);
    expect(plan).toMatchObject({ ok: true, joining: ['BBBBBBBB', 'AAAAAAAA'], file: { caseId: 'case-1' } });
  });
  it('refuses a report linked to itself, a closed report, two cases, the same case twice and a full case', () => {
    const refused = (plan: ReturnType<typeof planLink>) => (plan.ok ? undefined : [plan.status, plan.message]);
    expect(refused(planLink(side('AAAAAAAA'), side('AAAAAAAA'), {}, link))?.[0]).toBe(400);
    expect(refused(planLink(side('AAAAAAAA'), side('BBBBBBBB', { status: 'closed' }), {}, link))).toEqual([
      409,
      expect.stringContaining('Report BBBBBBBB is closed'),
    ]);
    expect(refused(planLink(side('AAAAAAAA', { status: 'closed' }), side('BBBBBBBB'), {}, link))?.[1]).toContain('AAAAAAAA is closed');
    expect(
      refused(planLink(side('AAAAAAAA'), side('BBBBBBBB'), { x: file('one', ['AAAAAAAA']), to: file('two', ['BBBBBBBB']) }, link)),
    ).toEqual([409, expect.stringContaining('unlink it from its case first')]);
    const same = file('one', ['AAAAAAAA', 'BBBBBBBB']);
    expect(refused(planLink(side('AAAAAAAA'), side('BBBBBBBB'), { x: same, to: same }, link))?.[1]).toBe(
      'These reports are already in the same case.',
    );
    const full = file(
      'full',
      Array.from({ length: MAX_CASE_REPORTS }, (_, i) => `R${i}`),
    );
    expect(refused(planLink(side('AAAAAAAA'), side('R0'), { to: full }, link))?.[1]).toContain(`at most ${MAX_CASE_REPORTS} reports`);
    const roomForOne = file(
      'nearly',
      Array.from({ length: MAX_CASE_REPORTS - 1 }, (_, i) => `R${i}`),
    );
    expect(planLink(side('AAAAAAAA'), side('R0'), { to: roomForOne }, link).ok).toBe(true);
  });
});

describe('unlinking a report', () => {
  it('leaves the rest of the case, and names a new row when the report that stood for the case leaves', () => {
    const three = file('c', ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC'], 2);
    three.members[1]!.expiresAt = 300;
    expect(rowOf(three)).toBe('BBBBBBBB');
    const first = planUnlink(three, 'AAAAAAAA');
    expect(first).toMatchObject({ ok: true, leaving: ['AAAAAAAA'], file: { version: 3, expiresAt: 300 } });
    expect(first.ok && 'newRow' in first).toBe(false);
    const row = planUnlink(three, 'BBBBBBBB');
    if (!row.ok) throw new Error(row.message);
    // Equal retention left: the one that joined first stands for the case; the case keeps only as long as it needs.
    expect(row.newRow).toBe('AAAAAAAA');
    expect(row.file?.expiresAt).toBe(100);
    // The new first report has no relation to anything before it.
    const middle = planUnlink(file('c', ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']), 'AAAAAAAA');
    expect(middle.ok && middle.file?.members[0]).toEqual({ reference: 'BBBBBBBB', linkedAt: at, linkedBy: 'a', expiresAt: 100 });
  });
  it('ends a case of two, taking both reports out', () => {
    expect(planUnlink(file('c', ['AAAAAAAA', 'BBBBBBBB']), 'BBBBBBBB')).toEqual({ ok: true, leaving: ['BBBBBBBB', 'AAAAAAAA'] });
  });
  it('refuses a report in no case', () => {
    expect(planUnlink(undefined, 'AAAAAAAA')).toMatchObject({ ok: false, status: 409 });
    expect(planUnlink(file('c', ['BBBBBBBB', 'CCCCCCCC']), 'AAAAAAAA')).toMatchObject({ ok: false, status: 409 });
  });
});

describe("a case's figures", () => {
  it('counts each report and each added incident, a duplicate adding none of its own, and finds the latest', () => {
    expect(
      caseFigures([
        { reference: 'A', createdAt: '2026-10-01T00:00:00Z', incidentCount: 2, lastIncidentAt: '2026-11-02T00:00:00Z' },
        { reference: 'B', createdAt: '2026-10-05T00:00:00Z', relation: 'duplicate' },
        { reference: 'C', createdAt: '2026-11-01T00:00:00Z', relation: 'same-victim' },
      ]),
    ).toEqual({ reports: 3, incidents: 4, latestAt: '2026-11-02T00:00:00Z' });
  });
  it('counts reports of the same UK day once, the day taken in UK time', () => {
    const figures = (a: string, b: string) =>
      caseFigures([
        { reference: 'A', createdAt: '2026-07-01T00:00:00Z', occurredAt: a },
        { reference: 'B', createdAt: '2026-07-02T00:00:00Z', occurredAt: b, relation: 'same-problem' },
      ]).incidents;
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(figures('2026-06-30T23:30:00Z', '2026-07-01')).toBe(1);
    expect(figures('2026-06-30T22:30:00Z', '2026-07-01')).toBe(2);
    expect(occurredDay('2026-12-31T23:30:00Z')).toBe('2026-12-31');
    expect(occurredDay(undefined)).toBeUndefined();
  });
});

describe('counting each incident once', () => {
  const c = (reference: string, createdAt: string, incident?: string): FlagCandidate => ({ reference, createdAt, type: 'asb', incident });
  it('keeps the first telling of an incident reported through several reports, and one report seen twice once', () => {
    const kept = countOnce([
      c('POLICE01', '2026-11-03T00:00:00Z', 'day-1'),
      c('COUNCIL1', '2026-11-02T00:00:00Z', 'day-1'),
      c('COUNCIL1', '2026-11-02T00:00:00Z'),
      c('COUNCIL1', '2026-11-09T00:00:00Z', 'day-2'),
    ]);
    expect(kept.map((k) => [k.reference, k.createdAt])).toEqual([
      ['COUNCIL1', '2026-11-02T00:00:00Z'],
      ['COUNCIL1', '2026-11-09T00:00:00Z'],
    ]);
  });
  it("keeps one resident's two entries of the same day", () => {
    expect(countOnce([c('AAAAAAAA', '2026-11-02T08:00:00Z', 'day-1'), c('AAAAAAAA', '2026-11-02T20:00:00Z', 'day-1')])).toHaveLength(2);
  });
});
