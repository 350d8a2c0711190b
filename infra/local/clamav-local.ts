/**
 * ClamAV's daemon (Debian's `clamav-daemon`), the local stand-in for GuardDuty Malware
 * Protection: it scans each upload with the real engine. Signatures cannot be downloaded
 * here, so the stack writes its own signature file: the EICAR test file's body signature
 * (the industry's harmless test string, which every scanner is built to detect), so
 * the EICAR file is caught by the engine's matcher, not by a special case in the portal.
 * The engine's own archive checks (a nested or oversized archive) run as they would with
 * the full database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './dynamodb-local';
import { waitFor } from './ports';

/** The EICAR anti-virus test file's 68 characters, as published by EICAR. */
const EICAR = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;

/** A body signature (ClamAV's .ndb format): name, any file type, anywhere in it, the bytes in hex. */
const SIGNATURES = `Portal-Test.EICAR:0:*:${Buffer.from(EICAR, 'latin1').toString('hex')}\n`;

export interface ClamAvLocal {
  port: number;
  process: ChildProcess;
  /** What the engine said of these bytes: clean, or the names of what it found. */
  scan(bytes: Uint8Array): Promise<{ status: 'clean' } | { status: 'threat'; threats: string[] } | { status: 'unscannable' }>;
  stop(): Promise<void>;
}

/** A message to clamd over its TCP socket (z-prefixed, NUL-terminated commands), and its one reply. */
function ask(port: number, chunks: (string | Uint8Array)[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (data) => (reply += data.toString('utf8')));
    socket.on('end', () => resolve(reply.replace(/\0$/, '')));
    socket.on('error', reject);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
  });
}

/**
 * INSTREAM: the bytes in chunks, each after its length (4 bytes, big-endian), ended by a
 * zero length. clamd's protocol is three commands; a client library would add more
 * than it saves, and this runs only in the local stack.
 */
function instream(bytes: Uint8Array): (string | Uint8Array)[] {
  const chunks: (string | Uint8Array)[] = ['zINSTREAM\0'];
  const CHUNK = 1024 * 1024;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const part = bytes.subarray(at, at + CHUNK);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(part.length);
    chunks.push(length, part);
  }
  chunks.push(Buffer.alloc(4));
  return chunks;
}

export async function startClamAvLocal(options: { port: number }): Promise<ClamAvLocal> {
  const dir = mkdtempSync(join(tmpdir(), 'csp-clamav-'));
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'portal-test.ndb'), SIGNATURES);
  const configFile = join(dir, 'clamd.conf');
  // Limits above the portal's 20 MB, so the engine scans every file the portal accepts.
  writeFileSync(
    configFile,
    [
      'Foreground yes',
      `DatabaseDirectory ${join(dir, 'db')}`,
      `TCPSocket ${options.port}`,
      'TCPAddr 127.0.0.1',
      'StreamMaxLength 25M',
      'MaxFileSize 25M',
      'MaxScanSize 100M',
      'LogTime no',
      '',
    ].join('\n'),
  );
  const child = spawn('clamd', [`--config-file=${configFile}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let failure = '';
  child.stderr?.on('data', (data: Buffer) => (failure = (failure + data.toString('utf8')).slice(-500)));
  // A daemon that cannot start says why at once: stop waiting then, with its reason.
  const startFailed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('ClamAV is not installed: install it with `apt-get install clamav-daemon` (Debian), then start again.')
          : error,
      ),
    );
    child.once('exit', () => reject(new Error(`ClamAV's daemon exited while starting: ${failure.trim() || 'no message'}`)));
  });
  startFailed.catch(() => undefined);
  try {
    await Promise.race([waitFor('ClamAV', async () => (await ask(options.port, ['zPING\0'])) === 'PONG'), startFailed]);
  } catch (error) {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port: options.port,
    process: child,
    async scan(bytes) {
      const reply = await ask(options.port, instream(bytes));
      if (reply.endsWith('OK')) return { status: 'clean' };
      const found = /^stream: (.+) FOUND$/.exec(reply);
      return found ? { status: 'threat', threats: [found[1]!] } : { status: 'unscannable' };
    },
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
