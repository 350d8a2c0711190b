/**
 * GOV.UK Design System form markup as small string renderers (labels, hints, fieldsets,
 * inline errors, aria-describedby), so the static page and the API's error page render
 * identical, accessible forms. Every value is escaped.
 */
import { escapeHtml } from './escape';

export type FormValues = Record<string, string | string[] | undefined>;
interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** Form entries as the renderers take them: a repeated name (checkboxes) becomes a list. */
export function formValuesFrom(entries: Iterable<[string, string]>): FormValues {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of entries) {
    const existing = values[name];
    values[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return values;
}

/** `location.area` → `location-area`: the id of a field (or of its first option). */
export const fieldId = (name: string) => name.replace(/\./g, '-');

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v) ?? '';
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function errorHtml(id: string, error: string | undefined): string {
  return error
    ? `<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${escapeHtml(error)}</p>`
    : '';
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids ? ` aria-describedby="${ids}"` : '';
}

interface ChoiceGroup {
  name: string;
  legend: string;
  legendSize?: 'l' | 'm' | 's';
  hint?: string;
  choices: Choice[];
  values: FormValues;
  error?: string;
  small?: boolean;
  attributes?: string;
}

function choiceGroup(kind: 'radios' | 'checkboxes', g: ChoiceGroup): string {
  const id = fieldId(g.name);
  const selected = many(g.values[g.name]);
  const items = g.choices
    .map((c, i) => {
      const itemId = i === 0 ? id : `${id}-${i + 1}`;
      const hint = c.hint ? `<div id="${itemId}-item-hint" class="govuk-hint govuk-${kind}__hint">${escapeHtml(c.hint)}</div>` : '';
      return `<div class="govuk-${kind}__item">
<input class="govuk-${kind}__input" id="${itemId}" name="${g.name}" type="${kind === 'radios' ? 'radio' : 'checkbox'}" value="${escapeHtml(c.value)}"${selected.includes(c.value) ? ' checked' : ''}${c.hint ? ` aria-describedby="${itemId}-item-hint"` : ''}>
<label class="govuk-label govuk-${kind}__label" for="${itemId}">${escapeHtml(c.label)}</label>
${hint}</div>`;
    })
    .join('\n');
  return `<div class="govuk-form-group${g.error ? ' govuk-form-group--error' : ''}"${g.attributes ?? ''}>
<fieldset class="govuk-fieldset"${describedBy(id, g.hint, g.error)}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--${g.legendSize ?? 'm'}">${escapeHtml(g.legend)}</legend>
${g.hint ? `<div id="${id}-hint" class="govuk-hint">${escapeHtml(g.hint)}</div>` : ''}
${errorHtml(id, g.error)}
<div class="govuk-${kind}${g.small ? ` govuk-${kind}--small` : ''}" data-module="govuk-${kind}">
${items}
</div>
</fieldset>
</div>`;
}

export const radios = (g: ChoiceGroup) => choiceGroup('radios', g);
export const checkboxes = (g: ChoiceGroup) => choiceGroup('checkboxes', g);

interface TextField {
  name: string;
  label: string;
  hint?: string;
  values: FormValues;
  error?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  width?: 'govuk-input--width-10' | 'govuk-input--width-20' | 'portal-width-two-thirds';
  spellcheck?: boolean;
}

export function input(f: TextField): string {
  const id = fieldId(f.name);
  return `<div class="govuk-form-group${f.error ? ' govuk-form-group--error' : ''}">
<label class="govuk-label" for="${id}">${escapeHtml(f.label)}</label>
${f.hint ? `<div id="${id}-hint" class="govuk-hint">${escapeHtml(f.hint)}</div>` : ''}
${errorHtml(id, f.error)}
<input class="govuk-input${f.width ? ` ${f.width}` : ''}${f.error ? ' govuk-input--error' : ''}" id="${id}" name="${f.name}" type="${f.type ?? 'text'}" value="${escapeHtml(one(f.values[f.name]))}"${f.autocomplete ? ` autocomplete="${f.autocomplete}"` : ''}${f.spellcheck === false ? ' spellcheck="false"' : ''}${describedBy(id, f.hint, f.error)}>
</div>`;
}

export function textarea(f: Omit<TextField, 'type' | 'width'> & { rows?: number; maxLength?: number }): string {
  const id = fieldId(f.name);
  return `<div class="govuk-form-group${f.error ? ' govuk-form-group--error' : ''}">
<label class="govuk-label govuk-label--s" for="${id}">${escapeHtml(f.label)}</label>
${f.hint ? `<div id="${id}-hint" class="govuk-hint">${escapeHtml(f.hint)}</div>` : ''}
${errorHtml(id, f.error)}
<textarea class="govuk-textarea${f.error ? ' govuk-textarea--error' : ''}" id="${id}" name="${f.name}" rows="${f.rows ?? 5}"${describedBy(id, f.hint, f.error)}>${escapeHtml(one(f.values[f.name]))}</textarea>
</div>`;
}

/**
 * GOV.UK date input: day, month and year boxes in one fieldset. Only the boxes in
 * `wrong` are marked, as the pattern asks; a time, if asked, is a field of its own.
 */
export function dateInput(f: {
  name: string;
  legend: string;
  hint: string;
  values: FormValues;
  error?: string;
  wrong?: readonly ('day' | 'month' | 'year')[];
}): string {
  const id = fieldId(f.name);
  const part = (key: 'day' | 'month' | 'year', label: string, width: number, autocomplete: string) =>
    `<div class="govuk-date-input__item"><div class="govuk-form-group">
<label class="govuk-label govuk-date-input__label" for="${id}-${key}">${label}</label>
<input class="govuk-input govuk-date-input__input govuk-input--width-${width}${f.error && f.wrong?.includes(key) ? ' govuk-input--error' : ''}" id="${id}-${key}" name="${f.name}.${key}" type="text" value="${escapeHtml(one(f.values[`${f.name}.${key}`]))}"${autocomplete}>
</div></div>`;
  return `<div class="govuk-form-group${f.error ? ' govuk-form-group--error' : ''}">
<fieldset class="govuk-fieldset" role="group"${describedBy(id, f.hint, f.error)}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${escapeHtml(f.legend)}</legend>
<div id="${id}-hint" class="govuk-hint">${escapeHtml(f.hint)}</div>
${errorHtml(id, f.error)}
<div class="govuk-date-input" id="${id}">
${part('day', 'Day', 2, ' inputmode="numeric"')}
${part('month', 'Month', 4, '')}
${part('year', 'Year', 4, ' inputmode="numeric"')}
</div>
</fieldset>
</div>`;
}

/** Error summary: first thing on the page, each message linking to its field. */
export function errorSummary(errors: { href: string; message: string }[]): string {
  if (errors.length === 0) return '';
  return `<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" id="error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
${errors.map((e) => `<li><a href="${escapeHtml(e.href)}">${escapeHtml(e.message)}</a></li>`).join('\n')}
</ul>
</div>
</div>
</div>`;
}
