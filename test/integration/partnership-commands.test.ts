/**
 * The commands a partnership types, run as it would run them: a pack with a problem stops
 * `npm start` and `npm run build` before anything starts, naming the problem; `npm run
 * partnership -- new` writes a pack from piped answers, re-asking a wrong one, and `check`
 * passes it and lists its placeholders.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, samplePacks } from '../../shared/config/partnership-pack';

const work = mkdtempSync(join(tmpdir(), 'csp-pack-commands-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs one of the project's scripts as npm would: from the project folder, typed in `work`. */
function run(script: string, args: string[], input = ''): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: work, PORT: '1', LOG_REQUESTS: 'false' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => done({ code: code ?? 1, out, err }));
    child.stdin.end(input);
  });
}

describe('choosing a partnership pack', () => {
  it('stops npm start before anything starts when the pack does not exist, listing the sample packs', async () => {
    const { code, out, err } = await run('infra/local/start.ts', ['--partnership', 'no-such-pack']);
    expect(code).toBe(2);
    expect(err).toContain(`There is no partnership pack at ${join(work, 'no-such-pack')}: the folder does not exist.`);
    for (const sample of samplePacks()) expect(err).toContain(sample);
    expect(out).not.toMatch(/Building|Starting|ready/i);
  });

  it('stops npm run build on a broken pack with the file, the field and the fix', async () => {
    const pack = join(work, 'broken');
    cpSync(join(ROOT, 'test', 'fixtures', 'packs', 'fernbrook'), pack, { recursive: true });
    const profile = JSON.parse(readFileSync(join(pack, 'profile.json'), 'utf8')) as { senderEmail: string };
    profile.senderEmail = 'reports';
    writeFileSync(join(pack, 'profile.json'), JSON.stringify(profile));
    const { code, out, err } = await run('infra/build.ts', ['--partnership', 'broken']);
    expect(code).toBe(2);
    expect(err).toMatch(
      /The partnership pack at .*broken has 1 problem:\n {2}- Invalid partnership profile in .*broken\/profile\.json:\n\s+- senderEmail: /,
    );
    expect(out).not.toContain('Building');
  });

  it('refuses an option npm start does not know, rather than ignoring a typo', async () => {
    const { code, err } = await run('infra/local/start.ts', ['--partnerhsip', 'x']);
    expect(code).toBe(2);
    expect(err).toContain('npm start does not know --partnerhsip x. It takes --partnership <folder>, --fresh and --no-build.');
  });
});

describe('npm run partnership', () => {
  const answers = [
    'North Vale Community Safety Partnership',
    '', // id: take north-vale
    'Community safety team, North Vale Council',
    'csp@north-vale.example',
    '01632 960 900',
    '', // sender: take the default
    '', // calendar: take the default
    'Town',
    'NV1 NV2',
    'Valley',
    'NV2', // already in Town: asked again
    'NV3',
    'Hills',
    'nv4',
    '',
    'Council ASB team',
    'asb@north-vale.example',
    'full',
    'asb',
    'all',
    'Police',
    'police@north-vale.example',
    '',
    'both',
    '',
    'Vale Homes',
    'not an address', // asked again
    'homes@north-vale.example',
    'no-contact',
    'asb',
    '1 2',
    'Vale Fire and Rescue',
    'fire@north-vale.example',
    'summary',
    'asb',
    '',
    '',
  ];

  it('writes a pack from the answers, asks again after a wrong one, and check passes it listing the placeholders', async () => {
    const made = await run('infra/partnership-command.ts', ['new', 'north-vale'], `${answers.join('\n')}\n`);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain('NV2 is already in Town: a district belongs to one area.');
    expect(made.out).toContain('That is not an email address.');
    expect(made.out).toContain('Vale Homes <homes@north-vale.example>: asb in Town, Valley; data level no-contact');
    expect(made.out).toContain('Hills: NV4');

    const checked = await run('infra/partnership-command.ts', ['check', 'north-vale']);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/north-vale is a valid partnership pack/);
    expect(checked.out).toMatch(/Still placeholder text[\s\S]*content\/partnership\/north-vale\.json/);

    const again = await run('infra/partnership-command.ts', ['new', 'north-vale'], `${answers.join('\n')}\n`);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists and is not empty');
  });

  it('writes nothing when the answers end early', async () => {
    const { code, err } = await run('infra/partnership-command.ts', ['new', 'half-done'], 'Half Done CSP\n');
    expect(code).toBe(1);
    expect(err).toContain('The answers ended before the pack was complete: nothing was written.');
    expect(existsSync(join(work, 'half-done'))).toBe(false);
  });

  it('says how to use it when the command is unknown', async () => {
    const { code, err } = await run('infra/partnership-command.ts', ['make', 'x']);
    expect(code).toBe(2);
    expect(err).toMatch(/Usage: npm run partnership -- new <folder>/);
  });
});
