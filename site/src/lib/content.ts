/**
 * Reads the content collections for the pages. What a schema cannot check (action ids
 * that exist, areas that match the profile) the pack check has checked before the build
 * (shared/config/check-pack.ts); a miss here is a bug, and still names what was missing.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
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

/** The partnership as published: the pack check made sure there is one, matching the profile. */
export async function partnership() {
  const [entry] = await getCollection('partnership');
  if (!entry) throw new Error('partnership: the content has no partnership file');
  return entry.data;
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
