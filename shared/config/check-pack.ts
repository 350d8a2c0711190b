/**
 * Checks a whole partnership pack before anything is built or started: the profile, every
 * content file against the schema its collection uses, and what no one schema can see
 * (content naming an area, a postcode district or a plan action the pack lacks). Every
 * problem names the file and the field, so `npm start`, `npm run build`, `npm run synth`
 * and `npm run partnership -- check` stop with the whole list rather than the first.
 * Full zod and the YAML parser are fine here: this never ships in a Lambda bundle.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  type eventSchema,
  PACK_PAGES,
  type partnershipSchema,
  type planSchema,
  type prioritiesYearSchema,
  type youSaidWeDidSchema,
} from '../contracts/content';
import { CONTENT_COLLECTIONS, type ContentCollection } from '../contracts/content-collections';
import type { pollSchema } from '../contracts/poll';
import { readDemoTallies } from './demo-tallies';
import { readDemoCaseReviews } from './demo-case-reviews';
import { describeIssue, readProfile } from './load-profile';
import { contentDirOf, missingPack, profileFileOf, shown } from './partnership-pack';
import type { Profile } from './profile-schema';

/** The word that marks text a partnership must still write (`npm run partnership -- new` puts it in). */
export const PLACEHOLDER = 'PLACEHOLDER';

type Collection = ContentCollection;

export interface PackReport {
  problems: string[];
  /** Files still holding placeholder text. */
  placeholders: string[];
  profile?: Profile;
}

interface Entry {
  file: string;
  data: Record<string, unknown>;
}

/** The YAML front matter of a Markdown file, or an error saying what is wrong with it. */
function frontMatter(text: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!match) throw new Error('no front matter: the file must start with a block between two "---" lines');
  return parseYaml(match[1]!);
}

function readCollection(contentDir: string, name: Collection, report: PackReport): Entry[] {
  const { folder, ext, schema } = CONTENT_COLLECTIONS[name];
  const dir = join(contentDir, folder);
  if (!existsSync(dir)) return [];
  const entries: Entry[] = [];
  for (const fileName of readdirSync(dir).sort()) {
    const file = join(dir, fileName);
    if (fileName.startsWith('.')) continue;
    if (extname(fileName) !== ext) {
      report.problems.push(`${shown(file)}: not published: files in ${folder}/ are ${ext} files. Rename it or move it out of the pack.`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (text.includes(PLACEHOLDER)) report.placeholders.push(shown(file));
    let raw: unknown;
    try {
      raw = ext === '.json' ? JSON.parse(text) : frontMatter(text);
    } catch (error) {
      report.problems.push(`${shown(file)}: cannot be read: ${(error as Error).message}`);
      continue;
    }
    const result = (schema as z.ZodType).safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) report.problems.push(`${shown(file)}: ${describeIssue(issue)}`);
      continue;
    }
    entries.push({ file, data: result.data as Record<string, unknown> });
  }
  return entries;
}

/** Content that names what the profile must define: areas, postcode districts, plan actions. */
function crossCheck(profile: Profile, content: Record<Collection, Entry[]>, contentDir: string, problems: string[]): void {
  const areaIds = profile.areas.map((a) => a.id);
  const districts = new Set(profile.areas.flatMap((a) => a.postcodeDistricts));
  const inProfile = `the profile's areas are: ${areaIds.join(', ')}`;

  if (content.partnership.length !== 1)
    problems.push(
      `${shown(join(contentDir, 'partnership'))}: expected exactly one .json file describing the partnership, found ${content.partnership.length}.`,
    );
  for (const { file, data } of content.partnership) {
    const published = data as z.infer<typeof partnershipSchema>;
    if (published.name !== profile.name)
      problems.push(`${shown(file)}: name: "${published.name}" differs from the profile's name "${profile.name}"; make them the same.`);
    const shownIds = published.areas.map((a) => a.id).join(', ');
    if (shownIds !== areaIds.join(', '))
      problems.push(`${shown(file)}: areas: the ids ${shownIds} must be the profile's areas in the same order (${areaIds.join(', ')}).`);
    published.areas.forEach((area, i) => {
      const routed = profile.areas.find((a) => a.id === area.id);
      if (routed && routed.name !== area.name)
        problems.push(`${shown(file)}: areas.${i}.name: "${area.name}" differs from the profile's "${routed.name}"; make them the same.`);
    });
  }
  for (const { file } of content.pages) {
    const name = file.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
    if (!(PACK_PAGES as readonly string[]).includes(name))
      problems.push(
        `${shown(file)}: not used: a pack adds its own section to ${PACK_PAGES.map((p) => `${p}.md`).join(' and ')} only. Rename it or remove it.`,
      );
  }
  for (const { file, data } of content.events) {
    const area = (data as z.infer<typeof eventSchema>).area;
    if (area && !areaIds.includes(area))
      problems.push(`${shown(file)}: area: unknown area "${area}"; ${inProfile}. Use one of them, or add the area to the profile.`);
  }
  for (const { file, data } of content.polls) {
    const { id } = data as z.infer<typeof pollSchema>;
    if (!file.endsWith(`${id}.json`)) problems.push(`${shown(file)}: id: "${id}" must match the file name; rename one of them.`);
    const named = (data as z.infer<typeof pollSchema>).eligibility?.postcodeDistricts ?? [];
    named.forEach((district, i) => {
      if (!districts.has(district))
        problems.push(
          `${shown(file)}: eligibility.postcodeDistricts.${i}: ${district} is in none of the profile's areas (${[...districts].join(', ')}). Add it to an area or remove it.`,
        );
    });
  }

  const actions = new Map<string, string>();
  const plans = new Set<string>();
  for (const { file, data } of content.plans) {
    plans.add(file.replace(/^.*[\\/]/, '').replace(/\.md$/, ''));
    for (const [p, priority] of (data as z.infer<typeof planSchema>).priorities.entries())
      for (const [a, action] of priority.actions.entries()) {
        if (actions.has(action.id))
          problems.push(
            `${shown(file)}: priorities.${p}.actions.${a}.id: "${action.id}" is already used in ${actions.get(action.id)}; action ids are unique.`,
          );
        else actions.set(action.id, shown(file));
      }
  }
  const checkActions = (file: string, field: string, ids: string[]) => {
    for (const [i, id] of ids.entries())
      if (!actions.has(id))
        problems.push(`${shown(file)}: ${field}.${i}: unknown plan action "${id}"; use an action id from the plans folder.`);
  };
  for (const { file, data } of content.priorities) {
    const year = data as z.infer<typeof prioritiesYearSchema>;
    if (!plans.has(year.plan))
      problems.push(`${shown(file)}: plan: unknown plan "${year.plan}"; plans: ${[...plans].join(', ') || '(none)'}.`);
    for (const [p, priority] of year.priorities.entries()) checkActions(file, `priorities.${p}.actions`, priority.actions);
  }
  for (const { file, data } of content.youSaidWeDid) checkActions(file, 'actions', (data as z.infer<typeof youSaidWeDidSchema>).actions);
}

/** Lists a pack's problems as the commands and the site build print them. */
export function describeProblems(packDir: string, report: PackReport): string {
  // No folder at all is one plain sentence, not a list of one.
  const missing = missingPack(packDir);
  if (missing) return missing;
  const count = report.problems.length;
  return `The partnership pack at ${shown(packDir)} has ${count} problem${count === 1 ? '' : 's'}:\n${report.problems
    .map((p) => `  - ${p.replaceAll('\n', '\n    ')}`)
    .join('\n')}`;
}

/**
 * Checks the pack in `dir` without building anything. `contentDir` checks other content
 * against the pack's profile (the benchmarks' and tests' copies).
 */
export function checkPack(
  dir: string,
  { now = new Date(), contentDir = contentDirOf(dir) }: { now?: Date; contentDir?: string } = {},
): PackReport {
  const report: PackReport = { problems: [], placeholders: [] };
  const missing = missingPack(dir);
  if (missing) return { ...report, problems: [missing] };
  try {
    report.profile = readProfile(dir, now);
  } catch (error) {
    report.problems.push((error as Error).message);
  }
  const profileFile = profileFileOf(dir);
  if (existsSync(profileFile) && readFileSync(profileFile, 'utf8').includes(PLACEHOLDER)) report.placeholders.push(shown(profileFile));
  if (!existsSync(contentDir)) {
    report.problems.push(`${shown(contentDir)}: missing. A pack's site content lives here: copy the folder from a sample pack.`);
    return report;
  }
  const content = Object.fromEntries(
    (Object.keys(CONTENT_COLLECTIONS) as Collection[]).map((name) => [name, readCollection(contentDir, name, report)]),
  ) as Record<Collection, Entry[]>;
  if (report.profile) crossCheck(report.profile, content, contentDir, report.problems);
  try {
    readDemoTallies(
      dir,
      content.polls.map((entry) => entry.data as z.infer<typeof pollSchema>),
    );
  } catch (error) {
    report.problems.push((error as Error).message);
  }
  if (report.profile)
    try {
      readDemoCaseReviews(dir, report.profile);
    } catch (error) {
      report.problems.push((error as Error).message);
    }
  return report;
}
