/**
 * Draws the report form again with its problems beside each field: the same component
 * the server renders. Loaded only when a check finds a problem, so a resident whose
 * answers are right never downloads the renderer.
 */
import { h, render } from 'preact';
import type { FieldError } from '../../../shared/contracts/field-errors';
import { formValuesFrom } from '../../../shared/ui/form-components';
import { ReportForm, type FormArea } from '../../../shared/ui/report-form';

/** A fresh form each time: what Preact drew before is unmounted, the page's own markup cleared. */
export function drawFormWithErrors(root: HTMLElement, areas: FormArea[], entries: [string, string][], errors: FieldError[]): void {
  render(null, root);
  root.replaceChildren();
  render(h(ReportForm, { areas, values: formValuesFrom(entries), errors }), root);
}
