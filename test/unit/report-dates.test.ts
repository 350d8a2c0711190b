/**
 * A report dated by its day alone (the resident did not know the time) is read as a
 * day everywhere it is shown or counted: never as midnight.
 */
import { describe, expect, it } from 'vitest';
import { summariseTasking } from '../../shared/domain/tasking';
import { formatUkDateTime } from '../../shared/domain/describe-report';

describe('a report dated without a time', () => {
  it('counts for its weekday in the tasking view but for no hour of the day', () => {
    const summary = summariseTasking(
      [
        { type: 'asb', area: 'oakridge', occurredAt: '2026-11-21', createdAt: '2026-11-22T09:00:00Z' },
        { type: 'asb', area: 'oakridge', occurredAt: '2026-11-21T21:30:00Z', createdAt: '2026-11-22T09:00:00Z' },
      ],
      [],
    );
    expect(summary.byDay.find((d) => d.key === 'Saturday')?.current).toBe(2);
    expect(summary.byHour.reduce((sum, h) => sum + h.current, 0)).toBe(1);
    expect(summary.byHour.find((h) => h.key === '21')?.current).toBe(1);
  });

  it('is written as a day with "time not given", and an instant with its UK time', () => {
    expect(formatUkDateTime('2026-11-21')).toMatch(/^Saturday,? 21 November 2026, time not given$/);
    expect(formatUkDateTime('2026-07-01T20:30:00Z')).toMatch(/^Wednesday,? 1 July 2026 at 21:30$/);
  });
});
