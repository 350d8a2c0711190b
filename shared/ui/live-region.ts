/**
 * A part of a built page kept current after the build: the page is built with what is
 * true at build time between two markers, and the site-regions job replaces what is
 * between them whenever it changes (the polls open now on the home page, the responses
 * to closed polls on "You said, we did"). HTML comments, so a page is valid with or
 * without them and nothing shows.
 */
const start = (name: string) => `<!--live:${name}-->`;
const end = (name: string) => `<!--/live:${name}-->`;

/** A region as the build writes it, holding its first contents. */
export const liveRegion = (name: string, html: string): string => `${start(name)}${html}${end(name)}`;

/** The page with the region's contents replaced, or undefined if the page has no such region. */
export function fillLiveRegion(page: string, name: string, html: string): string | undefined {
  const from = page.indexOf(start(name));
  const to = page.indexOf(end(name), from);
  if (from === -1 || to === -1) return undefined;
  return `${page.slice(0, from)}${liveRegion(name, html)}${page.slice(to + end(name).length)}`;
}
