/** The receipt-signing key, shared by the submit function (signs) and the confirmation page (checks). */
import { randomBytes } from 'node:crypto';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { keys } from '../adapters/dynamodb/table-definition';
import { cachedSecret, tableSecret } from '../adapters/dynamodb/table-secret';
import { config } from '../config';

export const receiptSecret = () =>
  cachedSecret(() => tableSecret(dynamoDbClient(), config().TABLE_NAME, keys.receiptSecret(), () => randomBytes(32).toString('base64url')));
