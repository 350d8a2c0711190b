/**
 * A resident adds photos to their report in Chromium, with JavaScript off (one file, the
 * browser posting the form straight to the local S3) and on (several files, dropped or
 * chosen, one refused before sending, one removed); then an officer sees each photo in
 * the workspace, without the location and camera details it was taken with. axe on every
 * page, and the pages reflow at 320 CSS px.
 */
import sharp from 'sharp';
import { describe, expect, it, onTestFinished } from 'vitest';
import { axeViolations, axeViolationsWithoutJs, reflowProblems, signInWorkspace, useStackAndBrowser } from '../support/browser';
import { photoWithLocation, reportWithEvidencePage, scanGate } from '../support/evidence';

const scans = scanGate();
const env = useStackAndBrowser(async () => ({ beforeScan: scans.beforeScan }));

describe('adding photos to a report', () => {
  it('works with JavaScript off, one file at a time, and tells the resident when it is checked', async () => {
    const { reference, evidencePage } = await reportWithEvidencePage(env.stack, 'Dumped mattresses (no JS)');
    const releaseScans = scans.hold();
    onTestFinished(releaseScans);
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.stack.url}${evidencePage}`);
    expect(await page.title()).toMatch(`Add files to report ${reference}`);
    expect(await page.locator('.govuk-inset-text').first().textContent()).toContain('Location and camera details are removed from photos');
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
    await page
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'mattresses.jpg', mimeType: 'image/jpeg', buffer: await photoWithLocation(320, 240) });
    await page.getByRole('button', { name: 'Upload file' }).click();
    // Storage sends the browser back to the page, which shows the file being checked.
    await page.waitForURL((url) => url.pathname === `/api/reports/${reference}/evidence` && url.searchParams.has('key'));
    expect(await page.locator('#evidence-files').textContent()).toMatch(/mattresses\.jpg\s*Being checked/);
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
    releaseScans();
    await env.stack.evidenceIdle();
    await page.getByRole('link', { name: 'Refresh this page' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#evidence-files').textContent()).toMatch(/mattresses\.jpg\s*Added\s*JPEG photo/);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await reflowProblems(page)).toEqual([]);
    await context.close();
  });

  it('with JavaScript on, takes several files chosen or dropped, refuses one before sending, lets one be removed, and shows progress', async () => {
    const { reference, evidencePage } = await reportWithEvidencePage(env.stack, 'Graffiti on the underpass (JS)');
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.stack.url}${evidencePage}`);
    await page.getByLabel('Choose a file').setInputFiles([
      { name: 'underpass.jpg', mimeType: 'image/jpeg', buffer: await photoWithLocation(200, 150) },
      { name: 'notes.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ not a photo') },
      { name: 'close-up.jpg', mimeType: 'image/jpeg', buffer: await photoWithLocation(100, 100) },
    ]);
    const chosen = page.locator('#chosen-files');
    expect(await chosen.textContent()).toContain('"notes.exe" is not a type we accept');
    expect(await page.getByRole('status').textContent()).toBe('2 files ready to upload.');
    // A file dropped on the form joins them.
    const dropped = (await photoWithLocation(120, 90)).toString('base64');
    const dataTransfer = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'dropped.jpg', { type: 'image/jpeg' }));
      return transfer;
    }, dropped);
    await page.dispatchEvent('#evidence-form', 'drop', { dataTransfer });
    expect(await page.getByRole('status').textContent()).toBe('3 files ready to upload.');
    // Each file to be sent has its own progress bar.
    expect(await page.getByRole('progressbar').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Remove close-up.jpg' }).click();
    expect(await page.getByRole('status').textContent()).toBe('close-up.jpg removed.');
    await page.getByRole('button', { name: 'Upload file' }).click();
    // The page shows the result once the file has been checked.
    await page.waitForFunction(
      () => {
        const listed = document.querySelector('#evidence-files')?.textContent ?? '';
        return /underpass\.jpg\s*Added/.test(listed) && /dropped\.jpg\s*Added/.test(listed);
      },
      undefined,
      { timeout: 20_000 },
    );
    const listed = await page.locator('#evidence-files').textContent();
    expect(listed).not.toContain('close-up.jpg');
    expect(listed).not.toContain('notes.exe');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    // The officer opens the report in the workspace and shows the photo: no EXIF, so no place or camera.
    const officer = env.stack.cognito.users.find((u) => u.groups.includes('officer'))!;
    const workspace = await (await env.browser.newContext()).newPage();
    await signInWorkspace(workspace, env.stack.url, officer.username, officer.password, `/officer/report/?ref=${reference}`);
    await workspace.getByRole('heading', { name: 'Files from the resident' }).waitFor();
    expect(await workspace.locator('#evidence').textContent()).toContain('Location (GPS), camera, date and all other metadata removed');
    await workspace.getByRole('button', { name: 'Show photo underpass.jpg' }).click();
    const photo = workspace.getByRole('img', { name: 'Photo from the resident: underpass.jpg' });
    await photo.waitFor();
    await workspace.waitForFunction(() => (document.querySelector<HTMLImageElement>('.workspace-evidence__photo')?.naturalWidth ?? 0) > 0);
    const shown = Buffer.from(await (await fetch((await photo.getAttribute('src'))!)).arrayBuffer());
    const metadata = await sharp(shown).metadata();
    expect(metadata.exif).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([200, 150]);
    expect(await axeViolations(workspace)).toEqual([]);
    await workspace.setViewportSize({ width: 320, height: 640 });
    expect(await reflowProblems(workspace)).toEqual([]);
  });
});
