/**
 * Says what each listed poll's dates mean today, by the reader's clock: the page was
 * built earlier and cannot know. Lists marked `data-poll-hide-closed` (the home page)
 * drop polls that have closed since the build, and show their empty message if none is
 * left. Inside a poll, `data-poll-when-closed` parts show and `data-poll-until-closed`
 * parts hide once it has closed. Without JavaScript the dates alone are shown, which
 * are true whenever read, and the API refuses a late vote in words.
 */
import { pollState } from '../../../shared/domain/poll-rules';

const STATE_TEXT = { upcoming: 'Opens soon', open: 'Open now', closed: 'Closed' } as const;

export function showPollStates(now: Date = new Date()): void {
  for (const item of document.querySelectorAll<HTMLElement>('[data-poll-opens]')) {
    const state = pollState({ opensAt: item.dataset.pollOpens!, closesAt: item.dataset.pollCloses! }, now);
    const tag = item.querySelector<HTMLElement>('[data-poll-state]');
    if (tag) {
      tag.textContent = STATE_TEXT[state];
      tag.classList.toggle('govuk-tag--green', state === 'open');
      tag.hidden = false;
    }
    for (const part of item.querySelectorAll<HTMLElement>('[data-poll-when-closed]')) part.hidden = state !== 'closed';
    for (const part of item.querySelectorAll<HTMLElement>('[data-poll-until-closed]')) part.hidden = state === 'closed';
    if (state === 'closed' && item.closest('[data-poll-hide-closed]')) item.hidden = true;
  }
  for (const list of document.querySelectorAll<HTMLElement>('[data-poll-hide-closed]')) {
    const empty = document.getElementById(list.dataset.pollHideClosed!);
    const left = [...list.querySelectorAll<HTMLElement>('[data-poll-opens]')].some((item) => !item.hidden);
    if (!left) list.hidden = true;
    if (empty && !left) empty.hidden = false;
  }
}
