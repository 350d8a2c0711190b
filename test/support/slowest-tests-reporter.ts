/**
 * Prints the ten slowest tests when a run ends, so a test that grows slow is seen in
 * every run rather than found later in CI's total.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SlowestTestsReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const tests = testModules.flatMap((module) =>
      // Tests that ran: a skipped or filtered-out test has no time worth listing.
      [...module.children.allTests()]
        .filter((test) => test.diagnostic() !== undefined)
        .map((test) => ({
          name: `${module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}`,
          ms: test.diagnostic()?.duration ?? 0,
        })),
    );
    if (tests.length < 2) return;
    const slowest = tests.sort((a, b) => b.ms - a.ms).slice(0, 10);
    console.log('\nSlowest tests:');
    for (const t of slowest) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.name}`);
  }
}
