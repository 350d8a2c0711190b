/**
 * Says what dated things on a built page mean today, by the reader's clock: the page
 * was built earlier and cannot know. Without JavaScript only the dates are shown, which
 * are true whenever read. (Polls need none of this: their lists are rendered from the
 * polls table when asked for, or kept current by the live-regions job.)
 *
 * - An event (`data-ends`) is hidden once it has ended.
 * - A list marked `data-hide-past="<id>"` hides its ended events, and shows the element
 *   `<id>` (its empty message) when nothing is left.
 */
export function showAsOfToday(now: Date = new Date()): void {
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
