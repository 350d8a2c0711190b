/**
 * The confirmation page cannot be forged into a false "Report sent": it answers 200 only
 * with an unexpired receipt the submit function signed for that reference (API Gateway
 * events through the real handler function).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handleConfirmation, type ConfirmationDependencies } from '../../functions/report-confirmation/handler';
import { privateLinkPath } from '../../functions/reports/private-link';
import { receiptFor, RECEIPT_LIFETIME_SECONDS } from '../../functions/reports/receipt';

const sentAt = new Date('2026-11-29T10:00:00Z');
const deps = (now: Date): ConfirmationDependencies => ({
  partnershipName: 'Test Partnership',
  receiptSecret: async () => 'key-one',
  now: () => now,
});
const event = (reference: string, receipt?: string) =>
  ({
    rawPath: `/api/reports/${reference}/confirmation`,
    pathParameters: { reference },
    ...(receipt === undefined ? {} : { queryStringParameters: { receipt } }),
    headers: {},
    requestContext: { requestId: 'r', http: { method: 'GET' } },
  }) as unknown as APIGatewayProxyEventV2;

describe('the confirmation page', () => {
  const receipt = receiptFor('key-one', 'ABCD2345', sentAt);

  it('shows the reference with the receipt signed for it', async () => {
    const res = await handleConfirmation(deps(sentAt), event('ABCD2345', receipt));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Report sent');
    expect(res.body).toContain('ABCD2345');
  });

  it.each([
    ['no receipt', 'ZZZZZZZZ', undefined],
    ["another reference's receipt", 'ZZZZZZZZ', receipt],
    ['a receipt signed with another key', 'ABCD2345', receiptFor('key-two', 'ABCD2345', sentAt)],
    ['a tampered expiry', 'ABCD2345', receipt.replace(/^\d/, '9')],
    ['junk', 'ABCD2345', '<script>'],
  ])('is a plain 404 for %s', async (_what, reference, given) => {
    const res = await handleConfirmation(deps(sentAt), event(reference, given));
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Report sent');
    expect(res.body).not.toContain(reference);
  });

  it('shows the private link only when the receipt says the report has one, and a link flag cannot be added', async () => {
    const withLink = receiptFor('key-one', 'ABCD2345', sentAt, true);
    const page = (await handleConfirmation(deps(sentAt), event('ABCD2345', withLink))).body;
    expect(page).toContain(`href="${privateLinkPath('key-one', 'ABCD2345')}"`);
    expect((await handleConfirmation(deps(sentAt), event('ABCD2345', receipt))).body).not.toContain('/private/');
    const forged = receipt.replace('.none.', '.link.');
    expect((await handleConfirmation(deps(sentAt), event('ABCD2345', forged))).statusCode).toBe(404);
  });

  it('expires', async () => {
    const later = new Date(sentAt.getTime() + (RECEIPT_LIFETIME_SECONDS + 1) * 1000);
    expect((await handleConfirmation(deps(later), event('ABCD2345', receipt))).statusCode).toBe(404);
  });
});
