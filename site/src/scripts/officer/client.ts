/**
 * The workspace's typed client for the officer API: an operation's id names its method
 * and path (officer-routes.ts), and its body and answer take their types from the
 * contract's zod schemas (officer-contract.ts). Only the routes are loaded at run time;
 * the schemas are types here, so the workspace pays nothing for them.
 */
import type * as z from 'zod/mini';
import type { OfficerContract } from '../../../../shared/contracts/officer-contract';
import { officerPath, officerRoutes, type OfficerOperationId } from '../../../../shared/contracts/officer-routes';
import { api } from './session';

export { officerPath };

type Spec<Id extends OfficerOperationId> = OfficerContract[Id];
/** `{reference}` in a path template: the names of its parameters. */
type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParams<Rest> : never;

export type Answer<Id extends OfficerOperationId> = Spec<Id> extends { answer: infer S extends z.ZodMiniType } ? z.output<S> : string;

export type Body<Id extends OfficerOperationId> = Spec<Id> extends { body: infer S extends z.ZodMiniType } ? z.input<S> : never;

type Request<Id extends OfficerOperationId> = ([PathParams<(typeof officerRoutes)[Id]['path']>] extends [never]
  ? { params?: never }
  : { params: Record<PathParams<(typeof officerRoutes)[Id]['path']>, string> }) &
  (Spec<Id> extends { query: unknown } ? { query?: URLSearchParams } : { query?: never }) &
  (Spec<Id> extends { body: infer S extends z.ZodMiniType } ? { body: z.input<S> } : { body?: never });

/** Calls an officer operation; throws ApiError with the server's message for any non-2xx answer. */
export function officerApi<Id extends OfficerOperationId>(
  id: Id,
  ...[request]: Record<never, never> extends Request<Id> ? [Request<Id>?] : [Request<Id>]
): Promise<Answer<Id>> {
  const route = officerRoutes[id];
  return api<Answer<Id>>(officerPath(id, request?.params, request?.query), {
    method: route.method,
    ...(request && 'body' in request ? { body: request.body } : {}),
  });
}
