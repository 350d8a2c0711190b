/**
 * Builds the site once before the browser tests serve it: the same `npm run build:site`
 * a developer runs, so the tests see what `npm start` serves.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  const started = Date.now();
  execFileSync('npm', ['run', '--silent', 'build:site'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`Site built for the tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
