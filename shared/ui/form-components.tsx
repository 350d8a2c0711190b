/**
 * GOV.UK Design System form markup as small Preact components (labels, hints,
 * fieldsets, inline errors, aria-describedby), so the static page and the API's error
 * page render identical, accessible forms. Preact escapes every value.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { DatePart } from '../contracts/date-answer';

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
const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** The inline error under a label or legend; `id` is the field's. */
export function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

/** The ids of a field's hint and error, for aria-describedby; undefined leaves the attribute out. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <div id={`${id}-hint`} class="govuk-hint">
      {hint}
    </div>
  ) : null;
}

interface ChoiceGroup {
  name: string;
  legend: string;
  legendSize?: 'l' | 'm' | 's';
  hint?: string;
  choices: Choice[];
  values: FormValues;
  error?: string | undefined;
  small?: boolean;
}

function ChoiceGroup({ kind, ...g }: ChoiceGroup & { kind: 'radios' | 'checkboxes' }) {
  const id = fieldId(g.name);
  const selected = many(g.values[g.name]);
  return (
    <div class={classes('govuk-form-group', g.error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, g.hint, g.error)}>
        <legend class={`govuk-fieldset__legend govuk-fieldset__legend--${g.legendSize ?? 'm'}`}>{g.legend}</legend>
        <Hint id={id} hint={g.hint} />
        <ErrorMessage id={id} error={g.error} />
        <div class={classes(`govuk-${kind}`, g.small && `govuk-${kind}--small`)} data-module={`govuk-${kind}`}>
          {g.choices.map((c, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class={`govuk-${kind}__item`}>
                <input
                  class={`govuk-${kind}__input`}
                  id={itemId}
                  name={g.name}
                  type={kind === 'radios' ? 'radio' : 'checkbox'}
                  value={c.value}
                  checked={selected.includes(c.value)}
                  aria-describedby={c.hint ? `${itemId}-item-hint` : undefined}
                />
                <label class={`govuk-label govuk-${kind}__label`} for={itemId}>
                  {c.label}
                </label>
                {c.hint ? (
                  <div id={`${itemId}-item-hint`} class={`govuk-hint govuk-${kind}__hint`}>
                    {c.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export const Radios = (g: ChoiceGroup) => <ChoiceGroup kind="radios" {...g} />;
export const Checkboxes = (g: ChoiceGroup) => <ChoiceGroup kind="checkboxes" {...g} />;

interface TextField {
  name: string;
  label: string;
  hint?: string;
  values: FormValues;
  error?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'date';
  autocomplete?: string;
  width?: 'govuk-input--width-10' | 'govuk-input--width-20' | 'portal-width-two-thirds';
  spellcheck?: boolean;
}

/** A one-control field's frame: its group (marked while in error), label, hint and error, then the control. */
function FieldFrame(f: {
  id: string;
  label: string;
  labelClass?: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={classes('govuk-form-group', f.error && 'govuk-form-group--error')}>
      <label class={classes('govuk-label', f.labelClass)} for={f.id}>
        {f.label}
      </label>
      <Hint id={f.id} hint={f.hint} />
      <ErrorMessage id={f.id} error={f.error} />
      {f.children}
    </div>
  );
}

export function Input(f: TextField) {
  const id = fieldId(f.name);
  return (
    <FieldFrame id={id} label={f.label} hint={f.hint} error={f.error}>
      <input
        class={classes('govuk-input', f.width, f.error && 'govuk-input--error')}
        id={id}
        name={f.name}
        // Preact types each input type with its own attributes and cannot check one chosen
        // at run time; all four are one-line boxes with the same attributes.
        type={(f.type ?? 'text') as 'text'}
        value={one(f.values[f.name])}
        autocomplete={f.autocomplete}
        spellcheck={f.spellcheck === false ? false : undefined}
        aria-describedby={describedBy(id, f.hint, f.error)}
      />
    </FieldFrame>
  );
}

export function Textarea(f: Omit<TextField, 'type' | 'width'> & { rows?: number }) {
  const id = fieldId(f.name);
  return (
    <FieldFrame id={id} label={f.label} labelClass="govuk-label--s" hint={f.hint} error={f.error}>
      <textarea
        class={classes('govuk-textarea', f.error && 'govuk-textarea--error')}
        id={id}
        name={f.name}
        rows={f.rows ?? 5}
        aria-describedby={describedBy(id, f.hint, f.error)}
        value={one(f.values[f.name])}
      />
    </FieldFrame>
  );
}

/** GOV.UK select: for a choice from a list too long to repeat as radios in every row of a table-like form. */
export function Select(f: Omit<TextField, 'type' | 'width' | 'autocomplete' | 'spellcheck'> & { choices: Choice[] }) {
  const id = fieldId(f.name);
  const selected = one(f.values[f.name]);
  return (
    <FieldFrame id={id} label={f.label} hint={f.hint} error={f.error}>
      <select
        class={classes('govuk-select', f.error && 'govuk-select--error')}
        id={id}
        name={f.name}
        aria-describedby={describedBy(id, f.hint, f.error)}
      >
        {f.choices.map((c) => (
          <option value={c.value} selected={c.value === selected}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * GOV.UK date input: day, month and year boxes in one fieldset. Only the boxes in
 * `wrong` are marked, as the pattern asks; a time, if asked, is a field of its own.
 */
export function DateInput(f: {
  name: string;
  legend: string;
  hint: string;
  values: FormValues;
  error?: string | undefined;
  wrong?: readonly DatePart[];
}) {
  const id = fieldId(f.name);
  const part = (key: DatePart, label: string, width: number, numeric: boolean) => (
    <div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for={`${id}-${key}`}>
          {label}
        </label>
        <input
          class={classes(
            'govuk-input govuk-date-input__input',
            `govuk-input--width-${width}`,
            f.error && f.wrong?.includes(key) && 'govuk-input--error',
          )}
          id={`${id}-${key}`}
          name={`${f.name}.${key}`}
          type="text"
          value={one(f.values[`${f.name}.${key}`])}
          inputmode={numeric ? 'numeric' : undefined}
        />
      </div>
    </div>
  );
  return (
    <div class={classes('govuk-form-group', f.error && 'govuk-form-group--error')}>
      {/* biome-ignore lint/a11y/noRedundantRoles: govuk-frontend's date input has it, and the fixture test holds us to that markup. */}
      <fieldset class="govuk-fieldset" role="group" aria-describedby={describedBy(id, f.hint, f.error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{f.legend}</legend>
        <Hint id={id} hint={f.hint} />
        <ErrorMessage id={id} error={f.error} />
        <div class="govuk-date-input" id={id}>
          {part('day', 'Day', 2, true)}
          {part('month', 'Month', 4, false)}
          {part('year', 'Year', 4, true)}
        </div>
      </fieldset>
    </div>
  );
}

/** Error summary: first thing on the page, each message linking to its field. */
export function ErrorSummary({ errors }: { errors: { href: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" tabindex={-1} id="error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li>
                <a href={e.href}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Problems that belong to no one field, under the error summary. */
export function FormErrors({ errors }: { errors: { message: string }[] }): VNode {
  return (
    <>
      {errors.map((e) => (
        <p class="govuk-error-message">{e.message}</p>
      ))}
    </>
  );
}
