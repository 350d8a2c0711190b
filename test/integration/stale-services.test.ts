/**
 * After `npm start` is killed outright, the services it started (DynamoDB Local, SES
 * local, Cognito local, ClamAV) keep their ports. The next start stops exactly those, found by
 * the pid files the first start wrote and confirmed by their command lines, and starts.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stopStaleChildren } from '../../infra/local/child-pids';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { freePort, isPortFree } from '../../infra/local/ports';

const dir = mkdtempSync(join(tmpdir(), 'csp-stale-'));
let second: LocalStack | undefined;
afterAll(async () => {
  await second?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('stale services from a killed start', () => {
  it('are stopped by the next start, which then comes up on the same ports', async () => {
    const ports = {
      PORT: await freePort(),
      DYNAMODB_PORT: await freePort(),
      SES_PORT: await freePort(),
      COGNITO_PORT: await freePort(),
      S3_PORT: await freePort(),
      CLAMAV_PORT: await freePort(),
    };
    const pidDir = join(dir, 'pids');
    const first = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../support/stack-process.ts')], {
      env: { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), PID_DIR: pidDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ok, fail) => {
      first.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ok());
      first.once('exit', (code) => fail(new Error(`The first stack exited with ${code}`)));
    });
    expect(readdirSync(pidDir).sort()).toEqual(['clamav.pid', 'cognito-local.pid', 'dynamodb-local.pid', 'ses-local.pid']);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // The orphans still hold their ports.
    expect(await isPortFree(ports.DYNAMODB_PORT)).toBe(false);
    expect(await isPortFree(ports.COGNITO_PORT)).toBe(false);

    const log: string[] = [];
    second = await startLocalStack({
      port: ports.PORT,
      dynamoDbPort: ports.DYNAMODB_PORT,
      sesPort: ports.SES_PORT,
      cognitoPort: ports.COGNITO_PORT,
      s3Port: ports.S3_PORT,
      clamAvPort: ports.CLAMAV_PORT,
      pidDir,
      shortLivedJvm: true,
      log: (l) => log.push(l),
      tableName: 'second',
      pollsTableName: 'second-polls',
      sweepIntervalMs: 3_600_000,
      closePollsIntervalMs: 3_600_000,
    });
    expect(log.filter((l) => l.startsWith('Stopped'))).toHaveLength(4);
    expect((await fetch(`${second.url}/api/openapi.json`)).status).toBe(200);
    await second.stop();
    second = undefined;
    expect(readdirSync(pidDir)).toEqual([]);
  });

  it('never stops a process that merely has a recorded pid', async () => {
    const stranger = spawn('sleep', ['30']);
    const pidDir = join(dir, 'reused');
    mkdirSync(pidDir, { recursive: true });
    writeFileSync(
      join(pidDir, 'dynamodb-local.pid'),
      JSON.stringify({ pid: stranger.pid, service: 'dynamodb-local', cmdline: 'java\0-jar\0DynamoDBLocal.jar\0' }),
    );
    expect(await stopStaleChildren(pidDir)).toEqual([]);
    expect(isAlive(stranger.pid!)).toBe(true);
    expect(readdirSync(pidDir)).toEqual([]);
    stranger.kill();
  });
});
