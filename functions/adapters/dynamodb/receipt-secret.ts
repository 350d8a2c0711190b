/**
 * The receipt-signing key, kept in the reports table: shared by the submit function
 * (signs) and the confirmation page (checks). Handlers pass it to the use cases as a
 * function, so nothing but this adapter knows where it lives.
 */
import { randomBytes } from 'node:crypto';
import { dynamoDbClient } from './client';
import { keys } from './table-definition';
import { cachedSecret, tableSecret } from './table-secret';
import { config } from '../../config';

export const receiptSecret = () =>
  cachedSecret(() => tableSecret(dynamoDbClient(), config().TABLE_NAME, keys.receiptSecret(), () => randomBytes(32).toString('base64url')));
