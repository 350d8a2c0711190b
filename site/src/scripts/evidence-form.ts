/**
 * Enhances the page for adding files to a report (shared/ui/evidence-page.tsx), which works
 * without it one file at a time: several files at once, dropped on the page or chosen
 * together, each checked here first (size, type, name) with a message naming it, removable
 * before sending, and sent straight to storage with a progress bar. Each file gets its own
 * upload grant from the portal. When they are sent, the page waits for the checks and
 * shows the result; if anything fails, the plain form is still there.
 */
import { EVIDENCE_LIMITS, EVIDENCE_TYPES, formatBytes } from '../../../shared/contracts/evidence-types';
import { emptyFileProblem, fileNameProblem, notAcceptedProblem, tooLargeProblem } from '../../../shared/domain/evidence-problems';

interface Chosen {
  file: File;
  row: HTMLLIElement;
  progress: HTMLProgressElement;
  note: HTMLElement;
}

const EXTENSIONS = new Set<string>(Object.values(EVIDENCE_TYPES).flatMap((t) => [...t.extensions]));

/** Why a file will not be accepted, before it is sent (the portal checks again after the scan). */
function problemWith(file: File): string | undefined {
  const named = fileNameProblem(file.name);
  if (named) return named;
  if (file.size > EVIDENCE_LIMITS.bytes) return tooLargeProblem(file.name, file.size);
  if (file.size === 0) return emptyFileProblem(file.name);
  const extension = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
  if (!EXTENSIONS.has(extension) && !Object.hasOwn(EVIDENCE_TYPES, file.type)) return notAcceptedProblem(file.name, false);
  return undefined;
}

/** Sends one file with its grant's fields (the file last: storage ignores fields after it), reporting progress. */
function send(grant: { url: string; fields: Record<string, string> }, chosen: Chosen): Promise<void> {
  const body = new FormData();
  for (const [name, value] of Object.entries(grant.fields)) body.append(name, value);
  body.append('file', chosen.file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', grant.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) chosen.progress.value = Math.round((event.loaded / event.total) * 100);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) return resolve();
      const code = /<Code>([^<]+)<\/Code>/.exec(request.responseText)?.[1];
      reject(
        new Error(
          code === 'EntityTooLarge'
            ? 'it is larger than 20 MB'
            : code === 'AccessDenied'
              ? 'this page has expired: reload it'
              : 'storage refused it',
        ),
      );
    });
    request.addEventListener('error', () => reject(new Error('the connection failed')));
    request.send(body);
  });
}

export function enhanceEvidenceForm(): void {
  const form = document.querySelector<HTMLFormElement>('#evidence-form');
  const input = form?.querySelector<HTMLInputElement>('input[type=file]');
  if (!form || !input || !form.dataset.grants) return;
  const grants = form.dataset.grants;
  const token = form.querySelector<HTMLInputElement>('input[name="x-amz-meta-token"]')?.value ?? '';
  const remaining = Number(form.dataset.remaining ?? EVIDENCE_LIMITS.files);
  input.multiple = remaining > 1;
  const chosen: Chosen[] = [];

  const zone = document.createElement('div');
  zone.className = 'govuk-body portal-drop-zone';
  zone.textContent = 'Or drag and drop files here';
  const list = document.createElement('ul');
  list.className = 'govuk-list portal-chosen-files';
  list.id = 'chosen-files';
  const status = document.createElement('p');
  status.className = 'govuk-body';
  status.setAttribute('role', 'status');
  input.after(zone, list, status);

  const add = (files: Iterable<File>) => {
    for (const file of files) {
      const row = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = `${file.name} (${formatBytes(file.size)}) `;
      const note = document.createElement('span');
      const progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      progress.setAttribute('aria-label', `Upload of ${file.name}`);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'govuk-button govuk-button--secondary portal-inline-button';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${file.name}`);
      const entry: Chosen = { file, row, progress, note };
      remove.addEventListener('click', () => {
        chosen.splice(chosen.indexOf(entry), 1);
        row.remove();
        status.textContent = `${file.name} removed.`;
        input.focus();
      });
      const problem = problemWith(file);
      if (problem) {
        note.className = 'govuk-error-message';
        note.textContent = problem;
        row.append(name, note, remove);
      } else {
        row.append(name, progress, note, remove);
        chosen.push(entry);
      }
      list.append(row);
    }
    input.value = '';
    const over = chosen.length - remaining;
    status.textContent =
      over > 0
        ? `You have chosen ${chosen.length} files, but this report can take ${remaining} more. Remove ${over}.`
        : `${chosen.length} ${chosen.length === 1 ? 'file' : 'files'} ready to upload.`;
  };

  input.addEventListener('change', () => add(input.files ?? []));
  for (const type of ['dragenter', 'dragover'] as const)
    form.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add('portal-drop-zone--over');
    });
  form.addEventListener('dragleave', () => zone.classList.remove('portal-drop-zone--over'));
  form.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('portal-drop-zone--over');
    add(event.dataTransfer?.files ?? []);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!chosen.length) {
      status.textContent = 'Choose a file first, or drag one here.';
      input.focus();
      return;
    }
    if (chosen.length > remaining) {
      status.textContent = `This report can take ${remaining} more ${remaining === 1 ? 'file' : 'files'}. Remove ${chosen.length - remaining} before uploading.`;
      return;
    }
    let sent = 0;
    for (const entry of [...chosen]) {
      try {
        const answer = await fetch(grants, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ token }),
        });
        if (!answer.ok)
          throw new Error(((await answer.json().catch(() => ({}))) as { message?: string }).message ?? 'the page could not send it');
        await send((await answer.json()) as { url: string; fields: Record<string, string> }, entry);
        entry.note.textContent = ' Sent: being checked.';
        sent++;
      } catch (error) {
        entry.note.className = 'govuk-error-message';
        entry.note.textContent = ` "${entry.file.name}" was not sent: ${(error as Error).message}.`;
      }
    }
    status.textContent = sent ? `${sent} ${sent === 1 ? 'file' : 'files'} sent. Checking them for viruses…` : 'No files were sent.';
    if (sent) await waitForChecks(sent);
  });
}

/** Asks the page's state until every file sent has been checked (or a minute passes), then shows the page again. */
async function waitForChecks(sent: number): Promise<void> {
  const before = document.querySelectorAll('#evidence-files tbody tr').length;
  for (let tries = 0; tries < 30; tries++) {
    const answer = await fetch(location.href, { headers: { Accept: 'application/json' } }).catch(() => undefined);
    const state = answer?.ok ? ((await answer.json()) as { files: unknown[] }) : undefined;
    if (state && state.files.length >= before + sent) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  location.reload();
}
