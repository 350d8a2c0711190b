/**
 * fast-check arbitraries from the JSON Schema that zod writes for a request schema
 * (`z.toJSONSchema`), so the contract test generates requests from the same schemas the
 * handlers validate with. (zod-fast-check, which would read the zod schemas directly,
 * supports zod 3 only; this project is on zod 4.) Covers what those schemas use:
 * objects, strings (enum, length, pattern, email, date-time), numbers, booleans,
 * arrays, records, const, enum, anyOf and oneOf. Anything else becomes any JSON value.
 */
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 400));
    } catch {
      // A pattern JavaScript cannot read as written: fall through to plain strings.
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 400), unit: 'grapheme' });
}

export function arbitraryFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      if (schema.properties) {
        const required = new Set(schema.required ?? []);
        const shape = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, arbitraryFor(s, depth + 1)]));
        return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
      }
      const values =
        typeof schema.additionalProperties === 'object'
          ? arbitraryFor(schema.additionalProperties, depth + 1)
          : fc.jsonValue({ maxDepth: 1 });
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), values, { maxKeys: 5 });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 6),
      });
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
