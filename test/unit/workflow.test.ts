import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../shared/config/load-profile';
import { addWorkingDays } from '../../shared/domain/working-days';
import { formatDue } from '../../shared/contracts/london-time';
import { applyAction, isOverdue, triageDueAt, type CaseState } from '../../shared/domain/workflow';

const workflow = defaultProfile().workflow;
const holidays = workflow.bankHolidays;

describe('response-due times in working days', () => {
  it('skips weekends: Friday afternoon plus one working day is Monday afternoon', () => {
    expect(addWorkingDays('2026-11-20T15:30:00Z', 1, holidays)).toBe('2026-11-23T15:30:00.000Z');
  });
  it('counts a weekend report from the start of Monday, so one working day ends with Monday', () => {
    expect(addWorkingDays('2026-11-21T10:00:00Z', 1, holidays)).toBe('2026-11-24T00:00:00.000Z');
  });
  it('skips bank holidays: Christmas Eve 2026 plus one working day is 29 December', () => {
    // 25 December (Friday) and 28 December (Boxing Day substitute) are bank holidays.
    expect(addWorkingDays('2026-12-24T09:00:00Z', 1, holidays)).toBe('2026-12-29T09:00:00.000Z');
  });
  it('keeps UK clock time across the clock change', () => {
    // Friday 27 March 2026 10:00 GMT; clocks go forward on Sunday 29 March: due Monday 10:00 BST.
    expect(addWorkingDays('2026-03-27T10:00:00Z', 1, holidays)).toBe('2026-03-30T09:00:00.000Z');
  });
  it('counts ten working days across two weekends', () => {
    expect(addWorkingDays('2026-11-23T12:00:00Z', 10, holidays)).toBe('2026-12-07T12:00:00.000Z');
  });
});

describe('the workflow', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const fresh: CaseState = { status: 'new', createdAt: '2026-11-23T09:00:00Z', dueAt: triageDueAt('2026-11-23T09:00:00Z', workflow) };

  it('grading a new report triages it and sets the due time for the grade', () => {
    const result = applyAction(fresh, { action: 'grade', risk: 'high' }, workflow, now);
    expect(result).toMatchObject({ ok: true, next: { status: 'triaged', risk: 'high', dueAt: '2026-11-24T09:00:00.000Z' } });
    const standard = applyAction(fresh, { action: 'grade', risk: 'standard' }, workflow, now);
    expect(standard.ok && standard.next.dueAt).toBe('2026-12-07T09:00:00.000Z');
  });
  it('refuses to assign before grading, starts only assigned reports, and never changes a closed one', () => {
    expect(applyAction(fresh, { action: 'assign', partnerId: 'police' }, workflow, now).ok).toBe(false);
    expect(applyAction(fresh, { action: 'start' }, workflow, now).ok).toBe(false);
    const closed = applyAction(fresh, { action: 'close', outcome: 'duplicate' }, workflow, now);
    expect(closed).toMatchObject({ ok: true, next: { status: 'closed', outcome: 'duplicate', closedAt: now.toISOString() } });
    if (closed.ok) expect(applyAction(closed.next, { action: 'grade', risk: 'high' }, workflow, now).ok).toBe(false);
  });
  it('walks new → triaged → assigned → in-progress → closed', () => {
    let state = fresh;
    for (const action of [
      { action: 'grade', risk: 'medium' },
      { action: 'assign', partnerId: 'police' },
      { action: 'start' },
      { action: 'close', outcome: 'resolved' },
    ] as const) {
      const result = applyAction(state, action, workflow, now);
      if (!result.ok) throw new Error(result.message);
      state = result.next;
    }
    expect(state).toMatchObject({ status: 'closed', risk: 'medium', assignedPartner: 'police', outcome: 'resolved' });
  });
  it('is overdue only while open and only after the due time', () => {
    expect(isOverdue({ status: 'new', dueAt: '2026-11-23T11:59:59.999Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'new', dueAt: '2026-11-23T12:00:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'closed', dueAt: '2026-11-01T00:00:00.000Z' }, now)).toBe(false);
  });
});

describe('saying when something is due', () => {
  it('writes a midnight due time as the end of the day before, and any other as a date and a clear time', () => {
    expect(formatDue('2026-12-01T00:00:00.000Z')).toBe('by the end of 30 November 2026');
    // British Summer Time: midnight in London is 23:00 UTC.
    expect(formatDue('2026-06-30T23:00:00.000Z')).toBe('by the end of 30 June 2026');
    expect(formatDue('2026-12-01T14:30:00.000Z')).toBe('by 1 December 2026 at 2:30pm');
  });
});
