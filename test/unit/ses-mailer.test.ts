// Unit test of the SES adapter: the one place a mocked AWS client is allowed.
import { describe, expect, it, beforeAll } from 'vitest';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { createSesMailer } from '../../functions/adapters/ses/mailer';

beforeAll(() => {
  process.env.TABLE_NAME = 'unit';
});

function fakeClient() {
  const sent: unknown[] = [];
  const client = {
    send: async (command: { input: unknown }) => {
      sent.push(command.input);
      return { MessageId: 'm-1' };
    },
  } as unknown as SESv2Client;
  return { client, sent };
}

const email = { to: 'p@example.com', from: 'r@example.com', subject: 'New report', text: 't', html: '<p>h</p>' };

describe('SES mailer adapter', () => {
  it('sends a simple UTF-8 message with text and HTML parts', async () => {
    const { client, sent } = fakeClient();
    expect(await createSesMailer(client).send(email)).toBe('m-1');
    expect(sent[0]).toMatchObject({
      FromEmailAddress: 'r@example.com',
      Destination: { ToAddresses: ['p@example.com'] },
      Content: { Simple: { Subject: { Data: 'New report', Charset: 'UTF-8' }, Body: { Text: { Data: 't' }, Html: { Data: '<p>h</p>' } } } },
    });
  });

  it('sends the delivery tags SES returns with bounces and complaints, and refuses a tag that is not an id', async () => {
    const { client, sent } = fakeClient();
    await createSesMailer(client).send({ ...email, tags: { reference: 'ABCD2345', delivery: 'police-assigned-v3' } });
    expect(sent[0]).toMatchObject({
      EmailTags: [
        { Name: 'reference', Value: 'ABCD2345' },
        { Name: 'delivery', Value: 'police-assigned-v3' },
      ],
    });
    await expect(createSesMailer(client).send({ ...email, tags: { reference: 'a@b.example' } })).rejects.toThrow(/message tag reference/);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['Subject', { subject: 'Hello\r\nBcc: x@example.com' }],
    ['To', { to: 'p@example.com\nBcc: x@example.com' }],
    ['From', { from: 'r@example.com\r' }],
  ])('refuses a CR or LF in the %s header and sends nothing', async (header, override) => {
    const { client, sent } = fakeClient();
    await expect(createSesMailer(client).send({ ...email, ...override })).rejects.toThrow(new RegExp(header));
    expect(sent).toHaveLength(0);
  });
});
