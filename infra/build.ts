/**
 * `npm run build [-- --partnership <folder>]`: checks the pack, then builds its site
 * (site/dist) and its function bundles (dist/functions), each function carrying the
 * pack's profile.
 */
import { execFileSync } from 'node:child_process';
import { shown } from '../shared/config/partnership-pack';
import { buildSiteFor } from './build-site';
import { choosePartnership } from './choose-partnership';

const { packDir, profile, placeholders, rest } = choosePartnership(process.argv.slice(2));
if (rest.length) {
  console.error(`npm run build does not know ${rest.join(' ')}. It takes --partnership <folder>.`);
  process.exit(2);
}
console.log(`• Partnership: ${profile.name} (${shown(packDir)})`);
if (placeholders.length) console.log(`• Still placeholder text, to write before going live: ${placeholders.join(', ')}`);
const started = performance.now();
console.log('• Building the site…');
buildSiteFor(packDir, process.env.SITE_URL);
console.log('• Bundling the functions…');
execFileSync('npm', ['run', '--silent', 'build:functions'], { stdio: 'inherit', env: process.env });
console.log(`• Built in ${((performance.now() - started) / 1000).toFixed(1)} s: site/dist and dist/functions`);
