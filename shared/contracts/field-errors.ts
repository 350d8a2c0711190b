/**
 * Turns zod issues into the API's error list: `{ path: "location.area", message }`,
 * one entry per problem, in the order of the form, messages written for residents.
 */
import type * as z from 'zod/mini';

export interface FieldError {
  path: string;
  message: string;
}

export function toFieldErrors(error: z.core.$ZodError): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = base ? `${base}.${key}` : key;
        errors.push({ path, message: `"${path}" is not a field we accept; remove it and try again` });
      }
      continue;
    }
    errors.push({ path: base, message: issue.message });
  }
  return uniqueByPath(errors);
}

/** The first error for each field: one message per field is enough to act on (GOV.UK error summary pattern). */
export function uniqueByPath(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (seen.has(e.path)) return false;
    seen.add(e.path);
    return true;
  });
}

/**
 * The form's own problems and the schema's, one list: a schema error about a whole field
 * ("Enter when it happened") gives way to the form's about one of its boxes ("Date it
 * happened must include a month"), which says more precisely what to fix.
 */
export function withFormErrors(formErrors: FieldError[], schemaErrors: FieldError[]): FieldError[] {
  const covered = (path: string) => formErrors.some((f) => f.path === path || f.path.startsWith(`${path}.`));
  return uniqueByPath([...formErrors, ...schemaErrors.filter((e) => !covered(e.path))]);
}
