// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Pages are files in S3 behind CloudFront; the API lives under /api on the same origin.
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No inline scripts or styles: the Content-Security-Policy allows only 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  telemetry: false,
});
