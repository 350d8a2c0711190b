/**
 * The form components render what govuk-frontend's own macros render, checked against
 * the fixtures govuk-frontend publishes with each component (the HTML its Nunjucks
 * macros produce for given options). When a govuk-frontend update changes a
 * component's markup, these fail and say where.
 *
 * Compared: elements, classes, the attributes that carry meaning (type, name, value,
 * checked, role, data-module, tabindex and the id references: for, aria-describedby),
 * and text. Ids are compared by what refers to them, not by their spelling. Left out on
 * purpose: the size modifiers of legends and labels (the portal sizes its questions
 * itself), a legend that is the page's heading (the portal's forms put their heading
 * above them), and empty `value` attributes.
 */
import { createRequire } from 'node:module';
import { parseDocument } from 'htmlparser2';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { Checkboxes, DateInput, ErrorSummary, Input, Radios, Textarea } from '../../shared/ui/form-components';
import { toHtml } from '../../shared/ui/render';

/** The macro options these fixtures use (govuk-frontend's macro-options.json has them all). */
interface Item {
  value: string;
  text: string;
  checked?: boolean;
  hint?: { text: string };
}
interface Options {
  name: string;
  classes?: string;
  label: { text: string };
  hint?: { text: string };
  errorMessage?: { text: string };
  fieldset: { legend: { text: string } };
  items: Item[];
  errorList: { href: string; text: string }[];
  titleText: string;
}
interface Fixture {
  name: string;
  options: Options;
  html: string;
}
const require = createRequire(import.meta.url);
const fixture = (component: string, name: string): Fixture => {
  const all = (require(`govuk-frontend/dist/govuk/components/${component}/fixtures.json`) as { fixtures: Fixture[] }).fixtures;
  const found = all.find((f) => f.name === name);
  if (!found) throw new Error(`govuk-frontend has no "${name}" fixture for ${component} any more`);
  return found;
};

const MEANINGFUL = new Set([
  'type',
  'name',
  'value',
  'checked',
  'role',
  'data-module',
  'tabindex',
  'id',
  'for',
  'aria-describedby',
  'href',
]);
const SIZE_MODIFIER = /^govuk-(fieldset__legend|label)--(s|m|l|xl)$/;

/** A readable outline of the markup, with ids renamed in order of appearance. */
function outline(html: string): string {
  const ids = new Map<string, string>();
  const idOf = (v: string) => {
    if (!ids.has(v)) ids.set(v, `id${ids.size}`);
    return ids.get(v)!;
  };
  const lines: string[] = [];
  const walk = (node: ChildNode, depth: number) => {
    const pad = '  '.repeat(depth);
    if (node.type === 'text') {
      const text = node.data.replace(/\s+/g, ' ').trim();
      if (text) lines.push(`${pad}"${text}"`);
      return;
    }
    if (node.type !== 'tag') return;
    const element = node as Element;
    if (element.attribs.class === 'govuk-fieldset__heading') {
      for (const child of element.children) walk(child, depth);
      return;
    }
    const classes = (element.attribs.class ?? '')
      .split(/\s+/)
      .filter((c) => c && !SIZE_MODIFIER.test(c))
      .sort();
    const attributes = Object.entries(element.attribs)
      .filter(([k, v]) => MEANINGFUL.has(k) && !(k === 'value' && v === '' && element.name !== 'option'))
      .map(([k, v]) => {
        if (k === 'id' || k === 'for') return `${k}=${idOf(v)}`;
        if (k === 'aria-describedby') return `${k}=${v.split(/\s+/).map(idOf).join(' ')}`;
        if (k === 'href' && v.startsWith('#')) return `${k}=#${idOf(v.slice(1))}`;
        return k === 'checked' ? k : `${k}=${v}`;
      })
      .sort();
    lines.push(`${pad}<${element.name}${classes.map((c) => `.${c}`).join('')}${attributes.length ? ` ${attributes.join(' ')}` : ''}>`);
    for (const child of element.children) walk(child, depth + 1);
  };
  for (const child of parseDocument(html).children) walk(child, 0);
  return lines.join('\n');
}

const choices = (o: Options) => o.items.map((i) => ({ value: i.value, label: i.text, ...(i.hint ? { hint: i.hint.text } : {}) }));
const checkedValues = (o: Options) => ({ [o.name]: o.items.filter((i) => i.checked).map((i) => i.value) });

describe('the form components, against govuk-frontend’s fixtures', () => {
  it.each(['default', 'with hint text', 'with error message', 'with error and hint', 'with width-10 class', 'with width-20 class'])(
    'input: %s',
    (name) => {
      const { options: o, html } = fixture('input', name);
      const width = /govuk-input--width-(10|20)/.exec(o.classes ?? '')?.[0] as
        | 'govuk-input--width-10'
        | 'govuk-input--width-20'
        | undefined;
      const ours = toHtml(
        h(Input, {
          name: o.name,
          label: o.label.text,
          hint: o.hint?.text,
          error: o.errorMessage?.text,
          values: {},
          ...(width ? { width } : {}),
        }),
      );
      expect(outline(ours)).toBe(outline(html));
    },
  );

  it.each(['default', 'with hint', 'with error message'])('textarea: %s', (name) => {
    const { options: o, html } = fixture('textarea', name);
    const ours = toHtml(h(Textarea, { name: o.name, label: o.label.text, hint: o.hint?.text, error: o.errorMessage?.text, values: {} }));
    expect(outline(ours)).toBe(outline(html));
  });

  it.each([
    ['radios', 'with hint', Radios],
    ['radios', 'with fieldset and error message', Radios],
    ['radios', 'with hints on items', Radios],
    ['checkboxes', 'with hint', Checkboxes],
    ['checkboxes', 'with error message', Checkboxes],
  ] as const)('%s: %s', (component, name, Group) => {
    const { options: o, html } = fixture(component, name);
    const ours = toHtml(
      h(Group, {
        name: o.name,
        legend: o.fieldset.legend.text,
        hint: o.hint?.text,
        error: o.errorMessage?.text,
        choices: choices(o),
        values: checkedValues(o),
      }),
    );
    expect(outline(ours)).toBe(outline(html));
  });

  it.each([
    ['with error on day input', ['day'] as const],
    ['with error message and hint', ['day', 'month', 'year'] as const],
  ])('date input: %s', (name, wrong) => {
    const { options: o, html } = fixture('date-input', name);
    const ours = toHtml(
      h(DateInput, {
        name: 'occurredAt',
        legend: o.fieldset.legend.text,
        hint: o.hint!.text,
        error: o.errorMessage!.text,
        values: {},
        wrong,
      }),
    )
      // The portal's boxes are named for its form decoder (occurredAt.day), and its month
      // box is wider, to take a month written as a word ("Nov").
      .replaceAll('name="occurredAt.', 'name="')
      .replace(/govuk-input--width-4(?=[^"]*" id="occurredAt-month")/, 'govuk-input--width-2');
    expect(outline(ours)).toBe(outline(html));
  });

  it('error summary: with everything but a description', () => {
    const { options: o, html } = fixture('error-summary', 'default');
    const ours = toHtml(h(ErrorSummary, { errors: o.errorList.map((e) => ({ href: e.href, message: e.text })) }));
    // The portal's own script focuses the summary (govuk-frontend's script, which the
    // portal does not load, would add the same tabindex), hence its id and tabindex.
    const withoutFocusHook = ours.replace(' tabindex="-1" id="error-summary"', '');
    expect(withoutFocusHook).not.toBe(ours);
    expect(outline(withoutFocusHook)).toBe(outline(html.replace(o.titleText, 'There is a problem')));
  });
});
