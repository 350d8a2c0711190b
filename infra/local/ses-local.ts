/**
 * Runs SES local (`aws-ses-v2-local`): captures every SES v1/v2 send, with a mail viewer
 * at its root URL and the captured mail as JSON at `/store`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stopChild } from './dynamodb-local';
import { waitFor } from './ports';

export interface SesLocal {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * The account SES local reports to GetAccount: the send rate of a new production SES
 * account (14 a second), so the sweeper paces itself locally exactly as in AWS.
 */
export const LOCAL_SES_SEND_RATE = 14;

function localAccount(maxSendRate: number): string {
  return JSON.stringify({
    DedicatedIpAutoWarmupEnabled: false,
    Details: {
      AdditionalContactEmailAddresses: [],
      ContactLanguage: 'EN',
      MailType: 'TRANSACTIONAL',
      ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
      UseCaseDescription: 'Local development',
      WebsiteURL: 'http://localhost',
    },
    EnforcementStatus: 'HEALTHY',
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    SendQuota: { Max24HourSend: 50_000, MaxSendRate: maxSendRate, SentLast24Hours: 0 },
    SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
  });
}

export async function startSesLocal(options: { port: number; maxSendRate?: number }): Promise<SesLocal> {
  const cli = join(dirname(require.resolve('aws-ses-v2-local/package.json')), 'dist/cli.js');
  const child = spawn(process.execPath, [cli, '--port', String(options.port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_SES_ACCOUNT: localAccount(options.maxSendRate ?? LOCAL_SES_SEND_RATE) },
  });
  child.stdout?.resume();
  child.stderr?.resume();
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${options.port}`;
  await waitFor('SES local', async () => {
    if (exited) throw new Error('SES local exited while starting');
    return (await fetch(`${url}/store`)).ok;
  });
  return { url, process: child, stop: () => stopChild(child) };
}
