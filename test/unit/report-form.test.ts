import { h } from 'preact';
import { toHtml } from '../../shared/ui/render';
import { describe, expect, it } from 'vitest';
import { decodeReportForm } from '../../shared/contracts/report-form';
import { londonLocalToIso } from '../../shared/contracts/london-time';
import { readDateAnswer } from '../../shared/contracts/date-answer';

const decode = (query: string) => decodeReportForm(new URLSearchParams(query));

describe('report form decoding', () => {
  it('nests dotted names, collects repeated checkboxes and reads booleans', () => {
    const { value, errors } = decode(
      'type=hate-crime&hateMotivations=race&hateMotivations=disability&location.area=oakridge&location.street=Mill+Lane&anonymous=true&ongoing=true',
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({
      type: 'hate-crime',
      hateMotivations: ['race', 'disability'],
      location: { area: 'oakridge', street: 'Mill Lane' },
      anonymous: true,
      ongoing: true,
    });
  });

  it('leaves blank fields out and drops answers that do not apply to the chosen type', () => {
    const { value } = decode('type=asb&asbCategory=nuisance&hateMotivations=race&policeReference=&anonymous=true&contact.name=Sam');
    expect(value).toEqual({ type: 'asb', asbCategory: 'nuisance', anonymous: true });
  });

  it('builds the time from the date parts in UK time, summer and winter', () => {
    expect(decode('occurredAt.day=21&occurredAt.month=11&occurredAt.year=2026&occurredAt.time=21:30').value.occurredAt).toBe(
      '2026-11-21T21:30:00.000Z',
    );
    expect(decode('occurredAt.day=1&occurredAt.month=7&occurredAt.year=2026&occurredAt.time=9.05').value.occurredAt).toBe(
      '2026-07-01T08:05:00.000Z',
    );
    // 01:30 on the day the clocks go forward does not exist; the hour before and after do.
    expect(londonLocalToIso(2026, 3, 29, 0, 30)).toBe('2026-03-29T00:30:00.000Z');
    expect(londonLocalToIso(2026, 3, 29, 2, 30)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('accepts the ways people write times and months, and a date without a time', () => {
    const at = (day: string, month: string, year: string, time = '') =>
      decode(
        new URLSearchParams({
          'occurredAt.day': day,
          'occurredAt.month': month,
          'occurredAt.year': year,
          'occurredAt.time': time,
        }).toString(),
      );
    for (const [time, expected] of [
      ['1730', '17:30'],
      ['9.30pm', '21:30'],
      ['9pm', '21:00'],
      ['9:30 p.m.', '21:30'],
      ['12am', '00:00'],
      ['midday', '12:00'],
      ['21', '21:00'],
    ] as const) {
      const { value, errors } = at('21', '11', '2026', time);
      expect(errors, time).toEqual([]);
      expect(value.occurredAt, time).toBe(`2026-11-21T${expected}:00.000Z`);
    }
    for (const month of ['Nov', 'november', 'NOV.', '11'])
      expect(at('21', month, '2026', '21:30').value.occurredAt, month).toBe('2026-11-21T21:30:00.000Z');
    expect(at('3', 'Sept', '26', '10:00').value.occurredAt).toBe('2026-09-03T09:00:00.000Z');
    // The hint says a rough time is fine: without one the report is dated by its day.
    expect(at('21', '11', '2026')).toEqual({ value: { occurredAt: '2026-11-21' }, errors: [] });
    for (const time of ['25:00', '13pm', '9:75', 'teatime'])
      expect(
        at('21', '11', '2026', time).errors.map((e) => e.path),
        time,
      ).toEqual(['occurredAt.time']);
  });

  it("explains every date and time problem at once, each on the box that is wrong, in the question's words", () => {
    const read = (answer: Parameters<typeof readDateAnswer>[0]) => readDateAnswer(answer);
    // 31 February with no time: the day is wrong, and no time is needed.
    expect(read({ day: '31', month: '2', year: '2026' })).toMatchObject({
      errors: [{ path: 'occurredAt.day', message: 'Date it happened must be a real date: February 2026 has 28 days' }],
      wrong: ['day'],
    });
    expect(read({ day: '21', year: '2026' })).toMatchObject({
      errors: [{ path: 'occurredAt.month', message: 'Date it happened must include a month' }],
      wrong: ['month'],
    });
    expect(read({ day: '21' })).toMatchObject({
      errors: [{ path: 'occurredAt.month', message: 'Date it happened must include a month and year' }],
      wrong: ['month', 'year'],
    });
    expect(read({ day: '21', month: 'Smarch', year: '2026', time: 'later' }).errors).toEqual([
      {
        path: 'occurredAt.month',
        message: 'Date it happened must be a real date: enter the month as a number or a name, like 11 or November',
      },
      { path: 'occurredAt.time', message: 'Enter the time it happened like 9:30pm or 21:30, or leave it blank if you are not sure' },
    ]);
    expect(read({ day: '21', month: '11', year: '202' })).toMatchObject({ wrong: ['year'] });
    expect(read({ time: '21:30' })).toMatchObject({
      errors: [{ path: 'occurredAt', message: 'Enter the date it happened, as well as the time' }],
      wrong: ['day', 'month', 'year'],
    });
    expect(read({})).toEqual({ errors: [], wrong: [], given: false });
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
    const { ReportForm } = await import('../../shared/ui/report-form');
    const renderReportForm = (props: Parameters<typeof ReportForm>[0]) => toHtml(h(ReportForm, props));
    const html = renderReportForm({
      areas: [{ id: 'oakridge', name: 'Oakridge' }],
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

  it('marks only the date box that is wrong, and links the time problem to the time box', async () => {
    const { ReportForm } = await import('../../shared/ui/report-form');
    const renderReportForm = (props: Parameters<typeof ReportForm>[0]) => toHtml(h(ReportForm, props));
    const values = { 'occurredAt.day': '21', 'occurredAt.year': '2026', 'occurredAt.time': 'later' };
    const html = renderReportForm({
      areas: [{ id: 'oakridge', name: 'Oakridge' }],
      values,
      errors: readDateAnswer({ day: '21', year: '2026', time: 'later' }).errors,
    });
    const marked = [...html.matchAll(/<input class="[^"]*govuk-input--error[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
    expect(marked).toEqual(['occurredAt-month', 'occurredAt-time']);
    const links = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(['occurredAt-month', 'occurredAt-time']);
    // A problem with the date as a whole (in the future) marks the three date boxes, not the time.
    const future = renderReportForm({
      areas: [{ id: 'oakridge', name: 'Oakridge' }],
      values: { 'occurredAt.day': '1', 'occurredAt.month': '1', 'occurredAt.year': '2099' },
      errors: [{ path: 'occurredAt', message: 'Date it happened must be today or in the past' }],
    });
    expect([...future.matchAll(/<input class="[^"]*govuk-input--error[^"]*" id="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'occurredAt-day',
      'occurredAt-month',
      'occurredAt-year',
    ]);
  });
});
