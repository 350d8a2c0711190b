import { describe, expect, it } from 'vitest';
import { decodeReportForm } from '../../shared/contracts/report-form';
import { londonLocalToIso } from '../../shared/contracts/london-time';

const decode = (query: string) => decodeReportForm(new URLSearchParams(query));

describe('report form decoding', () => {
  it('nests dotted names, collects repeated checkboxes and reads booleans', () => {
    const { value, errors } = decode('type=hate-crime&hateMotivations=race&hateMotivations=disability&location.area=millbrook&location.street=Mill+Lane&anonymous=true&ongoing=true');
    expect(errors).toEqual([]);
    expect(value).toEqual({ type: 'hate-crime', hateMotivations: ['race', 'disability'], location: { area: 'millbrook', street: 'Mill Lane' }, anonymous: true, ongoing: true });
  });

  it('leaves blank fields out and drops answers that do not apply to the chosen type', () => {
    const { value } = decode('type=asb&asbCategory=nuisance&hateMotivations=race&policeReference=&anonymous=true&contact.name=Sam');
    expect(value).toEqual({ type: 'asb', asbCategory: 'nuisance', anonymous: true });
  });

  it('builds the time from the date parts in UK time, summer and winter', () => {
    expect(decode('occurredAt.day=21&occurredAt.month=11&occurredAt.year=2026&occurredAt.time=21:30').value.occurredAt).toBe('2026-11-21T21:30:00.000Z');
    expect(decode('occurredAt.day=1&occurredAt.month=7&occurredAt.year=2026&occurredAt.time=9.05').value.occurredAt).toBe('2026-07-01T08:05:00.000Z');
    // 01:30 on the day the clocks go forward does not exist; the hour before and after do.
    expect(londonLocalToIso(2026, 3, 29, 0, 30)).toBe('2026-03-29T00:30:00.000Z');
    expect(londonLocalToIso(2026, 3, 29, 2, 30)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('explains half-filled or impossible dates', () => {
    expect(decode('occurredAt.day=21&occurredAt.year=2026').errors).toEqual([{ path: 'occurredAt', message: 'The date it happened must include a day, month and year' }]);
    expect(decode('occurredAt.day=31&occurredAt.month=2&occurredAt.year=2026&occurredAt.time=10:00').errors[0]?.message).toMatch(/real date/);
    expect(decode('occurredAt.day=1&occurredAt.month=2&occurredAt.year=2026&occurredAt.time=25:00').errors[0]?.message).toMatch(/24-hour clock/);
    expect(decode('occurredAt.day=1&occurredAt.month=2&occurredAt.year=2026').errors[0]?.message).toMatch(/approximate time/);
  });

  it('refuses names that would reach the object prototype', () => {
    const { value, errors } = decode('__proto__.polluted=yes&constructor.prototype=x&location.__proto__=y');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errors.map((e) => e.path)).toEqual(['__proto__.polluted', 'constructor.prototype', 'location.__proto__']);
    expect(Object.keys(value)).toEqual([]);
  });
});

describe('report form rendering', () => {
  it('lists problems in the order of the page, each linking to its field', async () => {
    const { renderReportForm } = await import('../../shared/ui/report-form');
    const html = renderReportForm({
      areas: [{ id: 'millbrook', name: 'Millbrook' }],
      errors: [
        { path: 'contact.email', message: 'E' },
        { path: 'occurredAt', message: 'D' },
        { path: 'type', message: 'A' },
        { path: 'location', message: 'C' },
      ],
    });
    const links = [...html.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(links).toEqual(['type:A', 'occurredAt-day:D', 'location-area:C', 'contact-email:E']);
    for (const id of ['type', 'occurredAt-day', 'location-area', 'contact-email']) expect(html).toContain(`id="${id}"`);
  });
});
