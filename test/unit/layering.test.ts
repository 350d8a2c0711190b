/**
 * The layering rules `npm run lint` enforces (.dependency-cruiser.cjs) catch a wrong
 * import: fixtures with a domain rule and a use case that import an adapter fail them,
 * and the repository itself passes.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ruleSet = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs'));

async function violations(baseDir: string, paths: string[]): Promise<string[]> {
  const result: IReporterOutput = await cruise(paths, { ...ruleSet.options, ruleSet, baseDir, validate: true });
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('the layering rules', () => {
  it('fail a domain rule or a use case that imports an adapter', async () => {
    const found = await violations(join(ROOT, 'test', 'fixtures', 'layering'), ['shared', 'functions']);
    expect(found.sort()).toEqual([
      'shared-stays-portable: shared/domain/tally.ts → functions/adapters/dynamodb/poll-store.ts',
      'use-cases-own-their-ports: functions/polls/count-ballots.ts → functions/adapters/dynamodb/poll-store.ts',
    ]);
  });

  it('pass for the repository', async () => {
    expect(await violations(ROOT, ['functions', 'shared', 'infra', 'site/src'])).toEqual([]);
  }, 60_000);
});
