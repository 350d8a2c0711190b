/**
 * The vote form, rendered at build time for the static vote page and by the API when a
 * ballot comes back with problems (answers kept, each problem beside its field). Plain
 * HTML: a number box per concern works with JavaScript off; the page's script adds
 * buttons and a running "tokens left" count on top of the same boxes.
 */
import type { Poll } from '../contracts/poll';
import type { FieldError } from '../contracts/field-errors';
import { formatLondonDateTime } from '../contracts/london-time';
import { describedBy, ErrorMessage, ErrorSummary, FormErrors, fieldId, Input, Radios, Textarea, type FormValues } from './form-components';

const ballotAction = (pollId: string) => `/api/polls/${pollId}/ballots`;

/** "You have 10 tokens. Place all 10 …": the rule in words, shown as the hint. */
export function tokensHint(poll: Poll): string {
  const t = poll.tokens!;
  return t.rule === 'exactly'
    ? `You have ${t.count} tokens. Place all ${t.count} across the concerns below: put more on what worries you most. You can put several on one concern, and none on others.`
    : `You have up to ${t.count} tokens. Place as many as you like, up to ${t.count}, across the concerns below: put more on what worries you most.`;
}

/** Where an error path points on the form (the error summary links there). */
function pollFieldFor(poll: Poll, path: string): string {
  if (path === 'tokens') return `tokens.${poll.options[0]!.id}`;
  if (path.startsWith('tokens.') || path.startsWith('followUps.') || path === 'choice' || path === 'postcode') return path;
  return 'poll-form';
}

/** The vote form's enhancement (buttons beside each number box, tokens left), built beside the stylesheets. */
export const POLL_FORM_SCRIPT = '/assets/poll-form.js';

/** `notice`: something the resident should know that is not a mistake in their answers (a GOV.UK notification banner). */
export function PollForm(options: { poll: Poll; values?: FormValues; errors?: FieldError[]; notice?: string | undefined }) {
  const { poll } = options;
  const values = options.values ?? {};
  const errors = options.errors ?? [];
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;

  return (
    <>
      <ErrorSummary errors={errors.map((e) => ({ href: `#${fieldId(pollFieldFor(poll, e.path))}`, message: e.message }))} />
      {options.notice ? (
        // biome-ignore lint/a11y/useSemanticElements: govuk-frontend's notification banner markup, which its styles and script expect.
        <div class="govuk-notification-banner" role="region" aria-labelledby="poll-notice-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="poll-notice-title">
              Important
            </h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">Your answers have not been counted yet</p>
            <p class="govuk-body">{options.notice}</p>
          </div>
        </div>
      ) : null}
      <span class="govuk-caption-l">{poll.title}</span>
      <form method="post" action={ballotAction(poll.id)} id="poll-form" novalidate data-poll={poll.id}>
        <FormErrors errors={errors.filter((e) => pollFieldFor(poll, e.path) === 'poll-form')} />
        {poll.type === 'charity-pot' ? (
          <TokenInputs poll={poll} values={values} errors={errors} />
        ) : (
          <>
            <h1 class="govuk-heading-l">{poll.question}</h1>
            <Radios
              name="choice"
              legend="Choose one answer"
              legendSize="s"
              choices={poll.options.map((o) => ({ value: o.id, label: o.label }))}
              values={values}
              error={errorFor('choice')}
            />
          </>
        )}
        {poll.followUps.length ? <h2 class="govuk-heading-m">A little more about your answer</h2> : null}
        {poll.followUps.map((f) =>
          f.kind === 'choice' ? (
            <Radios
              name={`followUps.${f.id}`}
              legend={`${f.question} (optional)`}
              legendSize="s"
              {...(f.hint ? { hint: f.hint } : {})}
              choices={f.options.map((o) => ({ value: o.id, label: o.label }))}
              values={values}
              small
              error={errorFor(`followUps.${f.id}`)}
            />
          ) : (
            <Textarea
              name={`followUps.${f.id}`}
              label={`${f.question} (optional)`}
              hint={`${f.hint ? `${f.hint} ` : ''}Do not include your name or anyone else's. Up to ${f.maxLength} characters.`}
              values={values}
              rows={4}
              error={errorFor(`followUps.${f.id}`)}
            />
          ),
        )}
        {poll.eligibility ? (
          <Input
            name="postcode"
            label="Your postcode"
            hint={`This poll is for people who live in the area. Only the first half (for example ${poll.eligibility.postcodeDistricts[0]}) is kept.`}
            values={values}
            autocomplete="postal-code"
            width="govuk-input--width-10"
            spellcheck={false}
            error={errorFor('postcode')}
          />
        ) : null}
        <div class="portal-honeypot">
          <label for="website">Leave this box empty</label>
          <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" />
        </div>
        <p class="govuk-body">
          Voting closes on {formatLondonDateTime(poll.closesAt)}. We do not ask your name. See the{' '}
          <a class="govuk-link" href="/privacy/">
            privacy notice
          </a>{' '}
          for what we keep and for how long.
        </p>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Send my answers
        </button>
      </form>
    </>
  );
}

function TokenInputs({ poll, values, errors }: { poll: Poll; values: FormValues; errors: FieldError[] }) {
  const total = errors.find((e) => e.path === 'tokens')?.message;
  return (
    <div class={total ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <fieldset class="govuk-fieldset" aria-describedby={total ? 'tokens-hint tokens-error' : 'tokens-hint'}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
          <h1 class="govuk-fieldset__heading">{poll.question}</h1>
        </legend>
        <div id="tokens-hint" class="govuk-hint">
          {tokensHint(poll)}
        </div>
        <ErrorMessage id="tokens" error={total} />
        <div class="portal-tokens" data-tokens={poll.tokens!.count} data-rule={poll.tokens!.rule}>
          {poll.options.map((o) => {
            const name = `tokens.${o.id}`;
            const id = fieldId(name);
            const error = errors.find((e) => e.path === name)?.message;
            const value = values[name];
            return (
              <div class={error ? 'govuk-form-group portal-token govuk-form-group--error' : 'govuk-form-group portal-token'}>
                <label class="govuk-label portal-token__label" for={id}>
                  {o.label}
                </label>
                <ErrorMessage id={id} error={error} />
                <input
                  class={
                    error
                      ? 'govuk-input govuk-input--width-2 portal-token__input govuk-input--error'
                      : 'govuk-input govuk-input--width-2 portal-token__input'
                  }
                  id={id}
                  name={name}
                  type="text"
                  inputmode="numeric"
                  pattern="[0-9]*"
                  value={Array.isArray(value) ? (value[value.length - 1] ?? '') : (value ?? '')}
                  data-option={o.id}
                  aria-describedby={describedBy(id, undefined, error)}
                />
              </div>
            );
          })}
        </div>
        <p class="govuk-body portal-tokens__left" id="tokens-left" hidden />
      </fieldset>
    </div>
  );
}
