/**
 * Says what dated things on a built page mean today, by the reader's clock: the page
 * was built earlier and cannot know. Without JavaScript only the dates are shown, which
 * are true whenever read (and the API refuses a late vote in words).
 *
 * - A poll (`data-poll-opens`, `data-poll-closes`) gets a tag ("Open now", "Closed");
 *   its `data-poll-when-closed` parts show and `data-poll-until-closed` parts hide once
 *   it has closed.
 * - An event (`data-ends`) is hidden once it has ended.
 * - A list marked `data-hide-past="<id>"` hides its closed polls and ended events, and
 *   shows the element `<id>` (its empty message) when nothing is left.
 */
import { pollState } from '../../../shared/domain/poll-rules';

const STATE_TEXT = { upcoming: 'Opens soon', open: 'Open now', closed: 'Closed' } as const;

export function showAsOfToday(now: Date = new Date()): void {
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
    if (state === 'closed' && item.closest('[data-hide-past]')) item.hidden = true;
  }
  for (const item of document.querySelectorAll<HTMLElement>('[data-ends]')) {
    if (Date.parse(item.dataset.ends!) < now.getTime()) item.hidden = true;
  }
  for (const list of document.querySelectorAll<HTMLElement>('[data-hide-past]')) {
    const left = [...list.children].some((item) => !(item as HTMLElement).hidden);
    if (left) continue;
    list.hidden = true;
    const empty = document.getElementById(list.dataset.hidePast!);
    if (empty) empty.hidden = false;
  }
}
