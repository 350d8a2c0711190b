/**
 * The workspace's client and the OpenAPI document read the same contract: each officer
 * operation's query, body and success answer in the operation table are the contract's
 * own schemas, and the client's addresses fill path parameters safely.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { apiOperations as operations } from '../../shared/contracts/api-operations';
import { officerContract } from '../../shared/contracts/officer-contract';
import { officerPath, officerRoutes, type OfficerOperationId } from '../../shared/contracts/officer-routes';

describe('the officer contract', () => {
  it('is what the operation table documents for every officer operation', () => {
    for (const id of Object.keys(officerRoutes) as OfficerOperationId[]) {
      const operation = operations.find((o) => o.id === id);
      const spec: { query?: unknown; body?: unknown; answer: unknown } = officerContract[id];
      expect(operation, id).toBeDefined();
      expect(operation!.query, `${id} query`).toBe(spec.query);
      expect(operation!.json, `${id} body`).toBe(spec.body);
      const success = Object.entries(operation!.responses).filter(([status]) => Number(status) < 300);
      for (const [, response] of success)
        if (spec.answer === 'csv') expect(response.csv, `${id} answers CSV`).toBe(true);
        else if (spec.answer === 'html') expect(response.html, `${id} answers a page`).toBe(true);
        else expect(response.json, `${id} answer`).toBe(spec.answer);
    }
  });

  it('types what the workspace reads', () => {
    type Case = z.output<typeof officerContract.getCase.answer>;
    expectTypeOf<Case['report']['type']>().toEqualTypeOf<'asb' | 'hate-crime'>();
    expectTypeOf<Case['risk']>().toEqualTypeOf<'standard' | 'medium' | 'high' | undefined>();
    type Action = z.input<typeof officerContract.caseAction.body>;
    expectTypeOf<Extract<Action, { action: 'close' }>['outcome']>().toEqualTypeOf<
      'resolved' | 'no-further-action' | 'referred' | 'duplicate'
    >();
  });
});

describe('officer addresses', () => {
  it('encode each path parameter, so a value cannot reach another path', () => {
    expect(officerPath('getCase', { reference: '../partners?x=1' })).toBe('/api/officer/reports/..%2Fpartners%3Fx%3D1');
    expect(officerPath('recordTally', { id: 'summer fete' })).toBe('/api/officer/polls/summer%20fete/tallies');
  });

  it('add the query only when there is one', () => {
    expect(officerPath('listInbox', {}, new URLSearchParams({ status: 'new', area: 'a&b' }))).toBe(
      '/api/officer/reports?status=new&area=a%26b',
    );
    expect(officerPath('listInbox', {}, new URLSearchParams())).toBe('/api/officer/reports');
    expect(officerPath('listPartners')).toBe('/api/officer/partners');
  });
});
