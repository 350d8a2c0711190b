/**
 * Two shapes the resident's pages (and the workspace) repeat: a list of dated entries in
 * someone's own words (updates, messages), and a GOV.UK summary list of labelled answers.
 */
import type { ComponentChildren } from 'preact';
import { formatLondonDateTime } from '../contracts/london-time';
import type { Row } from '../domain/describe-report';
import { Lines } from './lines';

/** Dated entries, oldest first: when (and what about, if given), then the words with their line breaks. */
export function DatedList({
  id,
  entries,
  when = formatLondonDateTime,
}: {
  id: string;
  entries: readonly { at: string; about?: string; text: string }[];
  when?: (iso: string) => string;
}) {
  return (
    <ol class="govuk-list" id={id}>
      {entries.map((e) => (
        <li>
          <p class="govuk-body-s govuk-!-margin-bottom-1">
            {when(e.at)}
            {e.about ? `: ${e.about}` : ''}
          </p>
          <p class="govuk-body">
            <Lines text={e.text} />
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Labelled answers as a GOV.UK summary list. */
export function SummaryRows({ rows, id }: { rows: readonly Row[]; id?: string }) {
  return (
    <dl class="govuk-summary-list" id={id}>
      {rows.map((row) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{row.label}</dt>
          <dd class="govuk-summary-list__value">
            <Lines text={row.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A GOV.UK success banner saying what just happened. */
export function SuccessBanner({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div
      class="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby={id}
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={id}>
          Success
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
