/**
 * Progressive enhancement for the report form. Without this file the form still posts
 * and the API answers with the same messages; with it:
 * - questions that do not apply (ASB kind vs hate motivation, contact details when
 *   anonymous) are hidden, so there is less to read;
 * - the shared zod schema checks the answers before sending, and problems are shown in
 *   the same error summary and inline messages the server would render;
 * - a second click while sending does not send twice.
 */
import { createReportSchema } from '../../../shared/contracts/report';
import { toFieldErrors, withFormErrors, type FieldError } from '../../../shared/contracts/field-errors';
import { decodeReportForm } from '../../../shared/contracts/report-form';
import type { FormArea } from '../../../shared/ui/report-form';

export function enhanceReportForm(): void {
  const root = document.getElementById('report-form-root');
  if (!root) return;
  const areas = JSON.parse(root.dataset.areas ?? '[]') as FormArea[];
  const schema = createReportSchema(areas.map((a) => a.id) as [string, ...string[]]);
  const baseTitle = document.title;
  bind();

  function bind(): void {
    const form = root!.querySelector<HTMLFormElement>('#report-form');
    if (!form) return;
    let sending = false;
    const update = () => toggleConditionalQuestions(form);
    form.addEventListener('change', update);
    update();
    form.addEventListener('submit', (event) => {
      if (sending) return event.preventDefault();
      const entries = [...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === 'string');
      const decoded = decodeReportForm(entries);
      const parsed = schema.safeParse(decoded.value);
      const errors = withFormErrors(decoded.errors, parsed.success ? [] : toFieldErrors(parsed.error));
      if (errors.length === 0) {
        sending = true;
        return;
      }
      event.preventDefault();
      // If the renderer cannot be fetched (the connection dropped), the form goes to the
      // server as it would without JavaScript, and its answer shows the same problems.
      import('./report-form-errors').then(
        ({ drawFormWithErrors }) => showErrors(drawFormWithErrors, entries, errors),
        () => {
          sending = true;
          form.submit();
        },
      );
    });
  }

  function showErrors(
    draw: typeof import('./report-form-errors').drawFormWithErrors,
    entries: [string, string][],
    errors: FieldError[],
  ): void {
    draw(root!, areas, entries, errors);
    document.title = `Error: ${baseTitle.startsWith('Error: ') ? baseTitle.slice(7) : baseTitle}`;
    bind();
    root!.querySelector<HTMLElement>('#error-summary')?.focus();
    bindSummaryLinks();
  }

  /** GOV.UK pattern: a summary link moves focus to the field, with its legend in view. */
  function bindSummaryLinks(): void {
    for (const link of root!.querySelectorAll<HTMLAnchorElement>('#error-summary a[href^="#"]')) {
      link.addEventListener('click', (event) => {
        const target = document.getElementById(link.hash.slice(1));
        if (!target) return;
        event.preventDefault();
        (target.closest('fieldset') ?? target).scrollIntoView();
        target.focus({ preventScroll: true });
      });
    }
  }
}

function toggleConditionalQuestions(form: HTMLFormElement): void {
  const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  const type = checked('type');
  const anonymous = checked('anonymous');
  form.querySelectorAll<HTMLElement>('[data-show-when-type]').forEach((el) => {
    el.hidden = type !== undefined && el.dataset.showWhenType !== type;
  });
  form.querySelectorAll<HTMLElement>('[data-show-when-anonymous]').forEach((el) => {
    el.hidden = anonymous !== undefined && el.dataset.showWhenAnonymous !== anonymous;
  });
}
