/**
 * `npm start` fails early with a message a developer can act on: a port already in use
 * names the service and the variable to change; missing Java says how to install it.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkJava } from '../../infra/local/dynamodb-local';
import { startLocalStack } from '../../infra/local/local-stack';
import { freePort } from '../../infra/local/ports';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('local stack start-up errors', () => {
  it('names the busy port, the service and the variable to change', async () => {
    const busy = createServer();
    const port = await freePort();
    await new Promise<void>((ok) => busy.listen(port, '127.0.0.1', () => ok()));
    try {
      await expect(
        startLocalStack({
          port: await freePort(),
          dynamoDbPort: port,
          sesPort: await freePort(),
          cognitoPort: await freePort(),
          s3Port: await freePort(),
          clamAvPort: await freePort(),
        }),
      ).rejects.toThrow(
        `Port ${port} (DynamoDB Local) is already in use. Stop whatever is using it, or choose another port with DYNAMODB_PORT=<port>.`,
      );
    } finally {
      busy.close();
    }
  });

  it('says how to install Java when it is missing', () => {
    process.env.PATH = '/nonexistent';
    expect(() => checkJava()).toThrow(
      /Java was not found\. DynamoDB Local needs Java 17 or newer: install it \(Debian: apt-get install openjdk-17-jre-headless\)/,
    );
  });

  it('accepts the Java on this machine', () => {
    expect(() => checkJava()).not.toThrow();
  });
});
