/**
 * The officer workflow as pure rules: which action is allowed in which status, what it
 * changes, and when a response is due. Storage applies the result atomically with a
 * version check (functions/adapters/dynamodb/case-store.ts).
 *
 *   new → triaged → assigned → in-progress → closed
 *
 * Grading a new report triages it; assigning sends it to a partner; closing needs an
 * outcome and is allowed from any open status (a duplicate is closed at triage).
 */
import type { Workflow } from '../config/profile-schema';
import { addWorkingDays } from './working-days';
import { OUTCOME_LABELS, RISK_LABELS, type Outcome, type Risk, type Status } from '../contracts/workflow-vocabulary';

/** The workflow fields of a report (what an action reads and changes). */
export interface CaseState {
  status: Status;
  createdAt: string;
  risk?: Risk;
  dueAt: string;
  assignedPartner?: string;
  outcome?: Outcome;
  closedAt?: string;
}

export type CaseAction =
  | { action: 'grade'; risk: Risk }
  | { action: 'assign'; partnerId: string }
  | { action: 'start' }
  | { action: 'close'; outcome: Outcome };

export type ActionResult = { ok: true; next: CaseState; summary: string } | { ok: false; message: string };

/** When a new report must be triaged by. */
export function triageDueAt(createdAt: string, workflow: Workflow): string {
  return addWorkingDays(createdAt, workflow.triageWorkingDays, workflow.bankHolidays);
}

/** When a graded report needs its first response: counted from when it was received. */
function responseDueAt(createdAt: string, risk: Risk, workflow: Workflow): string {
  return addWorkingDays(createdAt, workflow.responseWorkingDays[risk], workflow.bankHolidays);
}

/** Open and past its due time. */
export function isOverdue(state: Pick<CaseState, 'status' | 'dueAt'>, now: Date): boolean {
  return state.status !== 'closed' && Date.parse(state.dueAt) < now.getTime();
}

export function applyAction(state: CaseState, action: CaseAction, workflow: Workflow, now: Date): ActionResult {
  if (state.status === 'closed') return { ok: false, message: 'This report is closed. Closed reports cannot be changed.' };
  switch (action.action) {
    case 'grade': {
      const next: CaseState = { ...state, risk: action.risk, dueAt: responseDueAt(state.createdAt, action.risk, workflow) };
      if (state.status === 'new') next.status = 'triaged';
      return {
        ok: true,
        next,
        summary: `Risk graded ${RISK_LABELS[action.risk].toLowerCase()}${state.risk ? ` (was ${RISK_LABELS[state.risk].toLowerCase()})` : ''}`,
      };
    }
    case 'assign': {
      if (!state.risk) return { ok: false, message: 'Grade the risk before assigning the report to a partner.' };
      if (state.assignedPartner === action.partnerId) return { ok: false, message: 'The report is already assigned to that partner.' };
      const status = state.status === 'in-progress' ? 'in-progress' : 'assigned';
      return { ok: true, next: { ...state, status, assignedPartner: action.partnerId }, summary: `Assigned to ${action.partnerId}` };
    }
    case 'start':
      if (state.status !== 'assigned')
        return { ok: false, message: 'Only an assigned report can be started. Assign it to a partner first.' };
      return { ok: true, next: { ...state, status: 'in-progress' }, summary: 'Work started' };
    case 'close':
      return {
        ok: true,
        next: { ...state, status: 'closed', outcome: action.outcome, closedAt: now.toISOString() },
        summary: `Closed: ${OUTCOME_LABELS[action.outcome].toLowerCase()}`,
      };
  }
}
