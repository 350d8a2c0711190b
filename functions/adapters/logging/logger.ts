/**
 * Structured JSON logs (Powertools). Log ids, routes, statuses and timings only:
 * never a request body, an email address or an SDK message that may echo one.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({
  serviceName: 'csp-portal',
  logLevel: process.env.LOG_LEVEL === 'silent' ? 'SILENT' : ((process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO'),
});
