/**
 * This test worker's instance of a service the test setup shares (test/support/global-services.ts):
 * VITEST_POOL_ID 1 takes the first of each list. None outside the test runner (benchmarks),
 * whose stacks start their own.
 */
import { inject } from 'vitest';

export function workersService(service: 'dynamoDbEndpoints' | 'cognitoEndpoints' | 'sesEndpoints'): string | undefined {
  if (!process.env.VITEST_POOL_ID) return undefined;
  const endpoints = inject(service) ?? [];
  return endpoints[(Number(process.env.VITEST_POOL_ID) - 1) % Math.max(1, endpoints.length)];
}
