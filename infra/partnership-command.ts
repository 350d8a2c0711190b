/**
 * `npm run partnership -- new <folder>`: asks the few things only a partnership can
 * decide (its name and contact details, its areas and their postcode districts, its
 * partners with their addresses, data levels and what they handle) and writes a pack with
 * sensible defaults for the rest and placeholder content marked as such.
 * `npm run partnership -- check <folder>`: checks a pack without building anything and
 * lists what is still placeholder.
 * Answers can be piped in, one per line, for scripted set-ups.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { checkPack, describeProblems } from '../shared/config/check-pack';
import { shown } from '../shared/config/partnership-pack';
import { CONTACT_PHONE, isEmail, KEBAB_ID, POSTCODE_DISTRICT } from '../shared/config/profile-schema';
import { describePack, kebab, newPack, type PackAnswers } from './new-pack';

const DATA_LEVELS = ['full', 'no-contact', 'summary'] as const;
const TYPES = { asb: ['asb'], 'hate-crime': ['hate-crime'], both: ['asb', 'hate-crime'] } as const;

/** Reads answers line by line: works the same typed at a terminal or piped in. */
function prompter() {
  const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question: string, fallback = ''): Promise<string> {
      process.stdout.write(`${question}${fallback ? ` [${fallback}]` : ''}: `);
      const next = await lines.next();
      if (next.done) throw new Error('The answers ended before the pack was complete: nothing was written.');
      if (!process.stdin.isTTY) process.stdout.write(`${next.value}\n`);
      return next.value.trim() || fallback;
    },
    /** Asks until `check` accepts the answer (it returns a problem to show, or nothing). */
    async until(question: string, check: (answer: string) => string | undefined, fallback = ''): Promise<string> {
      for (;;) {
        const answer = await this.ask(question, fallback);
        const problem = check(answer);
        if (!problem) return answer;
        console.log(`  ${problem}`);
      }
    },
    close: () => rl.close(),
  };
}

async function askForPack(): Promise<PackAnswers> {
  const q = prompter();
  try {
    console.log('A few questions about the partnership; press Enter to take the answer in [brackets].\n');
    const name = await q.until('Partnership name (as residents see it)', (a) => (a ? undefined : 'The partnership needs a name.'));
    const id = await q.until(
      'Short id, for stack names and local data',
      (a) => (KEBAB_ID.test(a) ? undefined : 'Use lower-case letters, digits and hyphens, such as north-vale.'),
      kebab(name.replace(/community safety partnership/i, '')) || 'partnership',
    );
    const team = await q.until('Who answers residents (team and organisation)', (a) => (a ? undefined : 'Say who answers.'));
    const email = await q.until('Their email address', (a) => (isEmail(a) ? undefined : 'That is not an email address.'));
    const phone = await q.until('Their phone number', (a) =>
      CONTACT_PHONE.test(a) ? undefined : 'Give a phone number of 10 to 20 digits, spaces or brackets.',
    );
    const senderEmail = await q.until(
      'Address the portal sends email from',
      (a) => (isEmail(a) ? undefined : 'That is not an email address.'),
      `reports@${email.split('@')[1]}`,
    );
    const calendar = await q.until(
      'Bank holidays of england-and-wales, scotland or northern-ireland',
      (a) => (['england-and-wales', 'scotland', 'northern-ireland'].includes(a) ? undefined : 'Choose one of the three.'),
      'england-and-wales',
    );

    console.log('\nAreas: the places residents choose from, each with its postcode districts. An empty name ends the list.');
    const areas: PackAnswers['areas'] = [];
    const districtOwner = new Map<string, string>();
    for (;;) {
      const areaName = await q.ask(`Area ${areas.length + 1} name`);
      if (!areaName) {
        if (areas.length) break;
        console.log('  A partnership needs at least one area.');
        continue;
      }
      if (areas.some((a) => a.id === kebab(areaName))) {
        console.log('  There is already an area of that name.');
        continue;
      }
      const districts = await q.until(`Postcode districts in ${areaName} (such as AB1 AB2)`, (a) => {
        const list = a
          .toUpperCase()
          .split(/[\s,]+/)
          .filter(Boolean);
        if (!list.length) return 'Give at least one postcode district.';
        const bad = list.find((d) => !POSTCODE_DISTRICT.test(d));
        if (bad) return `${bad} is not a postcode district (the first half of a postcode, such as AB1).`;
        const taken = list.find((d) => districtOwner.has(d));
        return taken ? `${taken} is already in ${districtOwner.get(taken)}: a district belongs to one area.` : undefined;
      });
      const list = districts
        .toUpperCase()
        .split(/[\s,]+/)
        .filter(Boolean);
      for (const d of list) districtOwner.set(d, areaName);
      areas.push({ id: kebab(areaName), name: areaName, postcodeDistricts: list });
    }

    console.log('\nPartners: the organisations reports are sent to. An empty name ends the list.');
    const partners: PackAnswers['partners'] = [];
    const areaChoices = areas.map((a, i) => `${i + 1} ${a.name}`).join(', ');
    for (;;) {
      const partnerName = await q.ask(`Partner ${partners.length + 1} name`);
      if (!partnerName) {
        if (partners.length) break;
        console.log('  A partnership needs at least one partner to send reports to.');
        continue;
      }
      const partnerEmail = await q.until(`Address reports for ${partnerName} go to`, (a) =>
        isEmail(a) ? undefined : 'That is not an email address.',
      );
      const dataLevel = await q.until(
        'What they may see: full, no-contact (not who reported) or summary (what, where, when)',
        (a) => (DATA_LEVELS.includes(a as never) ? undefined : 'Choose full, no-contact or summary.'),
        'full',
      );
      const types = await q.until(
        'Which reports: asb, hate-crime or both',
        (a) => (a in TYPES ? undefined : 'Choose asb, hate-crime or both.'),
        'both',
      );
      const covered = await q.until(
        `Which areas: all, or numbers from ${areaChoices}`,
        (a) =>
          a === 'all' || a.split(/[\s,]+/).every((n) => Number.isInteger(Number(n)) && Number(n) >= 1 && Number(n) <= areas.length)
            ? undefined
            : `Answer all, or numbers from 1 to ${areas.length}.`,
        'all',
      );
      partners.push({
        name: partnerName,
        email: partnerEmail,
        dataLevel: dataLevel as (typeof DATA_LEVELS)[number],
        types: [...TYPES[types as keyof typeof TYPES]],
        areas: covered === 'all' ? '*' : [...new Set(covered.split(/[\s,]+/).map((n) => areas[Number(n) - 1]!.id))],
      });
    }
    return { id, name, contact: { team, email, phone }, senderEmail, calendar: calendar as PackAnswers['calendar'], areas, partners };
  } finally {
    q.close();
  }
}

function check(dir: string): number {
  const report = checkPack(dir);
  if (report.problems.length) {
    console.error(describeProblems(dir, report));
    return 1;
  }
  console.log(`${shown(dir)} is a valid partnership pack.\n`);
  console.log(describePack(report.profile!));
  if (report.placeholders.length) {
    console.log(`\nStill placeholder text (search for "PLACEHOLDER"), to write before going live:`);
    for (const file of report.placeholders) console.log(`  - ${file}`);
  } else console.log('\nNo placeholder text is left.');
  return 0;
}

async function main(): Promise<number> {
  const [command, folder, ...extra] = process.argv.slice(2);
  if (!['new', 'check'].includes(command ?? '') || !folder || extra.length) {
    console.error('Usage: npm run partnership -- new <folder>    write a new pack, asking the few things only you can decide');
    console.error('       npm run partnership -- check <folder>  check a pack and list what is still placeholder');
    return 2;
  }
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), folder);
  if (command === 'check') return check(dir);
  if (existsSync(dir) && readdirSync(dir).length) {
    console.error(`${shown(dir)} already exists and is not empty: choose a new folder, so nothing is overwritten.`);
    return 2;
  }
  const answers = await askForPack();
  const started = performance.now();
  const files = newPack(answers, new Date());
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  console.log(`\nWrote ${Object.keys(files).length} files to ${shown(dir)} in ${Math.round(performance.now() - started)} ms.\n`);
  const status = check(dir);
  console.log(`\nNext: edit the placeholder text, then run the portal with it:\n  npm start -- --partnership ${folder}`);
  return status;
}

main().then(
  (status) => process.exit(status),
  (error: Error) => {
    console.error(`\n${error.message}`);
    process.exit(1);
  },
);
