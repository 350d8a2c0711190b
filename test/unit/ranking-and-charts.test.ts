import { describe, expect, it } from 'vitest';
import { rankByCount } from '../../shared/domain/ranking';
import { h } from 'preact';
import { BarChart, DataTable } from '../../shared/ui/bar-chart';
import { toHtml } from '../../shared/ui/render';

describe('standard competition ranking', () => {
  it('ranks the Maldon charity pots 1 to 8', () => {
    const pots = [
      ['No concern', 4],
      ['Burglary', 18],
      ['Anti-social behaviour', 36],
      ['Robbery', 14],
      ['Drug misuse', 26],
      ['Violent crime', 24],
      ['Alcohol misuse', 23],
      ['Vehicle crime', 15],
    ] as const;
    const ranked = rankByCount(pots, (p) => p[1]);
    expect(ranked.map((r) => `${r.rank} ${r.item[0]}`)).toEqual([
      '1 Anti-social behaviour',
      '2 Drug misuse',
      '3 Violent crime',
      '4 Alcohol misuse',
      '5 Burglary',
      '6 Vehicle crime',
      '7 Robbery',
      '8 No concern',
    ]);
    expect(ranked[0]!.share).toBeCloseTo(36 / 160);
  });

  it('gives ties the same rank and skips the next (1, 2, 2, 4)', () => {
    expect(rankByCount([5, 3, 3, 1], (n) => n).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
    expect(rankByCount([2, 2, 2], (n) => n).map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('copes with zero counts and an empty poll', () => {
    expect(rankByCount([0, 0, 4], (n) => n).map((r) => [r.count, r.rank, r.share])).toEqual([
      [4, 1, 1],
      [0, 2, 0],
      [0, 2, 0],
    ]);
    expect(rankByCount([0, 0], (n) => n).every((r) => r.share === 0)).toBe(true);
    expect(rankByCount([], (n: number) => n)).toEqual([]);
  });
});

describe('bar charts', () => {
  const chart = {
    id: 'asb',
    title: 'ASB <incidents>',
    description: 'By quarter',
    unit: 'incidents',
    points: [
      { label: 'Q1', value: 1234 },
      { label: 'Q2 & Q3', value: 350, target: 400 },
    ],
  };

  it('is an image with an accessible name and description, its words HTML text, values escaped', () => {
    const html = toHtml(h(BarChart, chart));
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="asb-title asb-desc"');
    expect(html).toContain('<p class="govuk-visually-hidden" id="asb-title">ASB &lt;incidents></p>');
    expect(html).toContain('<span class="portal-chart__label">Q2 &amp; Q3</span>');
    expect(html).toContain('>1,234<');
    // No chart text is drawn inside the SVG, where it would be scaled down or cut off.
    expect(html).not.toMatch(/<text/);
  });

  it('scales bars to the largest value, including targets, and writes the target beside the value', () => {
    const html = toHtml(h(BarChart, chart));
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)%"/g)].map((m) => Number(m[1]));
    expect(widths[0]! / widths[1]!).toBeCloseTo(1234 / 350, 1);
    expect(html).toContain('350 <span class="portal-chart__target">(target 400)</span>');
  });

  it('has a table with every value and the targets', () => {
    const table = toHtml(h(DataTable, { ...chart, caption: 'ASB' }));
    expect(table).toContain(
      '<th scope="row" class="govuk-table__header">Q1</th><td class="govuk-table__cell govuk-table__cell--numeric">1,234</td><td class="govuk-table__cell govuk-table__cell--numeric">No target</td>',
    );
    expect(table).toContain('>400<');
  });
});
