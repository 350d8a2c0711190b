/**
 * The built site as the local stack publishes it: pages the site-regions job rewrites are
 * kept in memory over the built files (as S3 keeps the new object in AWS), so the build
 * itself is never changed and two stacks serving one build each show their own polls.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteFiles } from '../../functions/site-regions/ports';

export interface OverlaySiteFiles extends SiteFiles {
  /** The published version of a file, if the job has rewritten it. */
  rewritten(path: string): string | undefined;
}

export function overlaySiteFiles(siteDir: string): OverlaySiteFiles {
  const overlay = new Map<string, string>();
  return {
    async read(path) {
      return overlay.get(path) ?? (await readFile(join(siteDir, path), 'utf8').catch(() => undefined));
    },
    async write(path, body) {
      overlay.set(path, body);
    },
    rewritten: (path) => overlay.get(path),
  };
}
