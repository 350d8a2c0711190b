// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

export default defineConfig({
  // Pages are files in S3 behind CloudFront; the API lives under /api on the same origin.
  output: 'static',
  // Tests and benchmarks build other content into other folders (see CONTENT_DIR in content.config.ts).
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  // The public address, for the sitemap and RSS links (set SITE_URL when deploying).
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // The officer workspace is not for search engines. The polls page is rendered by a function
  // (each poll is linked from it), so it is named here rather than found among the built pages.
  integrations: [
    sitemap({
      filter: (page) => !page.includes('/officer/'),
      customPages: [new URL('/polls/', process.env.SITE_URL ?? 'http://localhost:4321').href],
    }),
  ],
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No inline scripts or styles: the Content-Security-Policy allows only 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  telemetry: false,
});
