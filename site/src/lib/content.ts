/**
 * Reads the content collections and checks what a schema cannot: that every action id
 * named by a priorities year or a "you said, we did" entry exists in its plan. A broken
 * link fails the build naming the file, the field and the unknown id.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultProfile } from '../../../shared/config/load-profile';
import type { Action } from '../../../shared/contracts/content';

type PlanEntry = CollectionEntry<'plans'>;

export interface ActionRef {
  action: Action;
  plan: PlanEntry;
  priorityTitle: string;
  href: string;
}

export async function actionIndex(): Promise<Map<string, ActionRef>> {
  const index = new Map<string, ActionRef>();
  for (const plan of await getCollection('plans')) {
    for (const priority of plan.data.priorities) {
      for (const action of priority.actions) {
        if (index.has(action.id))
          throw new Error(`plans/${plan.id}: action id "${action.id}" is used twice; action ids must be unique across plans`);
        index.set(action.id, { action, plan, priorityTitle: priority.title, href: `/plans/${plan.id}/#action-${action.id}` });
      }
    }
  }
  return index;
}

/** Looks up action ids, throwing a message that names the file and field on a miss. */
export function resolveActions(index: Map<string, ActionRef>, ids: string[], where: string): ActionRef[] {
  return ids.map((id, i) => {
    const ref = index.get(id);
    if (!ref) throw new Error(`${where}.${i}: unknown action "${id}"; expected one of the action ids in the content's plans folder`);
    return ref;
  });
}

/**
 * The partnership as published. Its name and areas must match the partnership profile
 * (which routes reports), so the site and the reporting form never disagree.
 */
export async function partnership() {
  const entries = await getCollection('partnership');
  if (entries.length !== 1)
    throw new Error(`partnership: expected exactly one file in the content's partnership folder, found ${entries.length}`);
  const { id, data } = entries[0]!;
  const profile = defaultProfile();
  if (data.name !== profile.name)
    throw new Error(`partnership/${id}: name: expected "${profile.name}" as in the partnership profile, found "${data.name}"`);
  const published = data.areas.map((a) => `${a.id}=${a.name}`).join(', ');
  const routed = profile.areas.map((a) => `${a.id}=${a.name}`).join(', ');
  if (published !== routed)
    throw new Error(`partnership/${id}: areas: expected the profile's areas in the same order (${routed}), found ${published}`);
  return data;
}

export async function prioritiesByYear() {
  const index = await actionIndex();
  const years = (await getCollection('priorities')).sort((a, b) => b.data.year.localeCompare(a.data.year));
  return years.map((year) => ({
    year: year.data.year,
    priorities: year.data.priorities.map((p, i) => ({
      ...p,
      actionRefs: resolveActions(index, p.actions, `priorities/${year.id}: priorities.${i}.actions`),
    })),
  }));
}

export async function papersNewestFirst() {
  return (await getCollection('papers')).sort((a, b) => b.data.meetingDate.localeCompare(a.data.meetingDate));
}

/** Financial year "2025-26" for a date, as partnerships report (April to March). */
export function financialYear(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

export const formatDate = (iso: string) => longDate.format(new Date(iso));
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

export const STATUS_LABELS: Record<Action['status'], { text: string; colour: string }> = {
  'not-started': { text: 'Not started', colour: 'govuk-tag--grey' },
  'on-track': { text: 'On track', colour: 'govuk-tag--blue' },
  'at-risk': { text: 'At risk', colour: 'govuk-tag--yellow' },
  delayed: { text: 'Delayed', colour: 'govuk-tag--red' },
  complete: { text: 'Complete', colour: 'govuk-tag--green' },
};

export const PURPOSE_LABELS = { decision: 'For decision', discussion: 'For discussion', information: 'For information' } as const;
