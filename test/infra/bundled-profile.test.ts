/**
 * Each function bundle carries the profile as it is after loading: validated, with its
 * bank holidays computed years ahead, and without the code that computes them (the
 * holiday calendars are about 1 MB, which a cold start must not load).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../infra/aws/bundle';

const out = mkdtempSync(join(tmpdir(), 'csp-bundles-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a function bundle', () => {
  it('holds the profile with its bank holidays computed, and none of the code that computes them', () => {
    const bundle = bundleFunction('submit-report', 'functions/submit-report/handler.ts', out);
    const files = [bundle.file, ...readdirSync(join(bundle.dir, 'chunks')).map((f) => join(bundle.dir, 'chunks', f))];
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const inTwentyYears = new Date().getUTCFullYear() + 20;
    expect(text).toMatch(/"?calendar"?:"england-and-wales"/);
    expect(text).toMatch(new RegExp(`"${inTwentyYears}-12-2[5-8]"`));
    // date-holidays' parser and the libraries only it uses (lunar and time-zone calendars).
    for (const library of ['date-holidays', 'astronomia', 'moment-timezone', 'caldate']) expect(text, library).not.toContain(library);
    expect(bundle.totalBytes).toBeLessThan(700_000);
  });
});
