/**
 * Pid files for the services `npm start` runs (DynamoDB Local, SES local, Cognito local, ClamAV),
 * so that after the portal was killed outright (SIGKILL, a closed terminal) the next
 * start stops the services it left behind instead of refusing with "port in use". A
 * process is stopped only when it is the very one this portal started: its pid file
 * also holds its command line, compared with /proc before anything is killed, so a pid
 * reused by something else is never touched. Nothing is ever looked up by name.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';

interface PidFile {
  pid: number;
  service: string;
  /** /proc/<pid>/cmdline when it was started: the process's identity beyond its pid. */
  cmdline: string;
}

const cmdlineOf = (pid: number): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * A zombie has exited and holds nothing (not even its ports): only its parent's wait() is
 * missing, and an orphan's parent is gone. A multi-threaded process (Java) whose main
 * thread ended first also reads as a zombie while its other threads still run and hold
 * its ports: that one is alive.
 */
const isZombie = (pid: number) => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return /^State:\s+Z/m.test(status) && Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? '1') <= 1;
  } catch {
    return false;
  }
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Signals a process that may have exited since it was checked (then there is nothing to do). */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Remembers a started service; returns a function that forgets it (on a clean stop). */
export function recordChild(dir: string, service: string, child: ChildProcess): () => void {
  if (!child.pid) return () => undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${service}.pid`);
  const entry: PidFile = { pid: child.pid, service, cmdline: cmdlineOf(child.pid) ?? '' };
  writeFileSync(file, JSON.stringify(entry));
  return () => rmSync(file, { force: true });
}

/**
 * Stops every service an earlier start left running, as recorded in `dir`. Returns what
 * it did, for the start-up log. Throws, saying exactly what to do, for a recorded service
 * it cannot confirm is its own (no /proc on this system) while that pid is alive.
 */
export async function stopStaleChildren(dir: string, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const stale: (PidFile & { file: string })[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.pid'))) {
    const file = join(dir, name);
    let entry: PidFile;
    try {
      entry = JSON.parse(readFileSync(file, 'utf8')) as PidFile;
    } catch {
      rmSync(file, { force: true });
      continue;
    }
    if (!isAlive(entry.pid)) {
      rmSync(file, { force: true });
      continue;
    }
    const now = cmdlineOf(entry.pid);
    if (now === undefined || !entry.cmdline) {
      throw new Error(
        `${entry.service} from an earlier start may still be running as process ${entry.pid}, and this system cannot confirm it is the portal's. If it is, stop it (kill ${entry.pid}), then delete ${file} and start again.`,
      );
    }
    if (now !== entry.cmdline) {
      // The pid now belongs to something else: the service itself is long gone.
      rmSync(file, { force: true });
      continue;
    }
    stale.push({ ...entry, file });
  }
  // All at once: the start waits for the slowest to stop, not for each in turn.
  const waitForExit = async () => {
    for (let i = 0; i < 30 && stale.some((e) => isAlive(e.pid)); i++) await wait(100);
  };
  for (const entry of stale) signal(entry.pid, 'SIGTERM');
  await waitForExit();
  for (const entry of stale) if (isAlive(entry.pid)) signal(entry.pid, 'SIGKILL');
  await waitForExit();
  for (const entry of stale) rmSync(entry.file, { force: true });
  return stale.map((e) => `Stopped ${e.service} left running by an earlier start (process ${e.pid})`);
}
