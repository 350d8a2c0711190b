/**
 * Before the browser tests: builds the site they serve (the same `npm run build:site` a
 * developer runs, so the tests see what `npm start` serves) while the shared test services
 * start. The build is mostly one core's work and the services' start the other's: side by
 * side, the tests begin when the slower of the two is done, not after both.
 */
import { spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import startServices from './support/global-services';
import { TEST_SITE_URL } from './support/test-site';

function buildSite(): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build:site'], {
      env: { ...process.env, SITE_URL: TEST_SITE_URL },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`npm run build:site failed (exit ${code}): the browser tests need the site`));
      console.log(`Site built for the tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve();
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [services, built] = await Promise.allSettled([startServices(project), buildSite()]);
  if (built.status === 'rejected') {
    if (services.status === 'fulfilled') await services.value();
    throw built.reason;
  }
  if (services.status === 'rejected') throw services.reason;
  return services.value;
}
