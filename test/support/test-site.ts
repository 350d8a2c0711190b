/**
 * The public address the browser tests' site is built for (SITE_URL), which its sitemap
 * and feed name. Not the address the tests serve it on (a free port per file): a site is
 * built once for the address it will be published at, as a deployment does.
 */
export const TEST_SITE_URL = 'https://community-safety.fernbrook.test';
