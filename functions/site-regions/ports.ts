/** What the site-regions job needs from wherever the built site is published. */
export interface SiteFiles {
  /** A published file's text (a path such as `index.html`), or undefined if there is none. */
  read(path: string): Promise<string | undefined>;
  /** Publishes a new version of the file; readers see the old one or the new one, never a mix. */
  write(path: string, body: string): Promise<void>;
}
