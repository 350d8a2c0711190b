/**
 * Sends email through SES v2 (SES local under `npm start`). Header values are checked
 * here as a last line of defence: a CR or LF in a header is refused, never sent.
 */
import { GetAccountCommand, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config, perRuntime } from '../../config';
import type { Mailer } from '../../reports/ports';

/** SES's rate in the sandbox, and a safe floor when the account cannot be read. */
export const FALLBACK_SEND_RATE = 1;
/** The account's quota rarely changes: read it at most every ten minutes. */
const RATE_CACHE_MS = 10 * 60_000;

/** What SES accepts as a tag name or value. */
const TAG_SAFE = /^[A-Za-z0-9_-]{1,256}$/;

const HEADER_UNSAFE = /[\r\n\u0000-\u001f\u007f\u2028\u2029]/;

/** Throws if a header value could inject another header (CR/LF or other controls). */
function assertHeaderSafe(name: string, value: string): void {
  if (HEADER_UNSAFE.test(value)) throw new Error(`Refusing to send: the ${name} header contains a control character`);
}

export function createSesMailer(client: SESv2Client = sesClient(), now: () => number = Date.now): Mailer {
  let rate: { value: number; readAt: number } | undefined;
  return {
    async sendRate() {
      if (rate && now() - rate.readAt < RATE_CACHE_MS) return rate.value;
      try {
        const account = await client.send(new GetAccountCommand({}));
        const value = account.SendQuota?.MaxSendRate;
        rate = { value: value && value > 0 ? value : FALLBACK_SEND_RATE, readAt: now() };
      } catch {
        // Unreadable (no permission, SES down): the sandbox rate, never faster; tried again soon.
        rate = { value: FALLBACK_SEND_RATE, readAt: now() - RATE_CACHE_MS + 60_000 };
      }
      return rate.value;
    },
    async send(email) {
      assertHeaderSafe('To', email.to);
      assertHeaderSafe('From', email.from);
      assertHeaderSafe('Subject', email.subject);
      const tags = Object.entries(email.tags ?? {});
      for (const [name, value] of tags) {
        if (!TAG_SAFE.test(name) || !TAG_SAFE.test(value))
          throw new Error(
            `Refusing to send: the message tag ${TAG_SAFE.test(name) ? name : '(unnamed)'} is not letters, digits and dashes`,
          );
      }
      const out = await client.send(
        new SendEmailCommand({
          FromEmailAddress: email.from,
          Destination: { ToAddresses: [email.to] },
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
            },
          },
          ...(tags.length ? { EmailTags: tags.map(([Name, Value]) => ({ Name, Value })) } : {}),
          ...(config().SES_CONFIGURATION_SET ? { ConfigurationSetName: config().SES_CONFIGURATION_SET } : {}),
        }),
      );
      return out.MessageId ?? 'unknown';
    },
  };
}

const sesClient = perRuntime((): SESv2Client => {
  const { AWS_REGION, SES_ENDPOINT } = config();
  return new SESv2Client({
    region: AWS_REGION,
    ...(SES_ENDPOINT ? { endpoint: SES_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    // Retries belong to the outbox (sweeper + stream retries), not to one long call.
    maxAttempts: 2,
  });
});
