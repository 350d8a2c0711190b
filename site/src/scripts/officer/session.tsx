/**
 * The officer's session in the browser: the access token lives in sessionStorage (gone
 * when the tab closes) and is sent as a Bearer token to /api/officer/*. A 401 sends the
 * officer to sign in and back to the page they were on. A new tab of the workspace (a
 * report opened in a new tab) asks the workspace's other open tabs for the session over
 * a BroadcastChannel, so the token is never written anywhere that outlives the tabs.
 */
import { type ComponentChildren, Fragment, h, render } from 'preact';
import { formatDue } from '../../../../shared/contracts/london-time';

const KEY = 'csp-officer-session';

export interface Session {
  accessToken: string;
  expiresAt: number;
  username: string;
  groups: string[];
}

export function saveSession(accessToken: string): Session {
  const claims = JSON.parse(atob(accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
    exp: number;
    username?: string;
    sub: string;
    'cognito:groups'?: string[];
  };
  const session = {
    accessToken,
    expiresAt: claims.exp * 1000,
    username: claims.username ?? claims.sub,
    groups: claims['cognito:groups'] ?? [],
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  const session = raw ? (JSON.parse(raw) as Session) : undefined;
  return session && session.expiresAt > Date.now() + 30_000 ? session : undefined;
}

function signOut(): void {
  sessionStorage.removeItem(KEY);
  location.assign('/officer/sign-in/');
}

/** Thrown to stop a page's script while the browser goes to the sign-in page: not a fault. */
class SigningIn extends Error {
  override name = 'SigningIn';
}
// Leaving for the sign-in page stops the script; that is not an error to report.
addEventListener('error', (event) => event.error instanceof SigningIn && event.preventDefault());
addEventListener('unhandledrejection', (event) => event.reason instanceof SigningIn && event.preventDefault());

/** Sends the officer to sign in, returning here afterwards. */
function requireSignIn(): Session {
  const session = currentSession();
  if (!session) {
    location.assign(`/officer/sign-in/?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new SigningIn('Signing in');
  }
  return session;
}

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('csp-officer-session');
// Another tab of the workspace asking for the session: answer with ours, if we are signed in.
channel?.addEventListener('message', (event: MessageEvent<{ ask?: true; session?: Session }>) => {
  const session = currentSession();
  if (event.data.ask && session) channel.postMessage({ session });
});

/** The session: this tab's, or one from another open tab of the workspace; else sign in. */
export async function signedIn(waitMs = 300): Promise<Session> {
  const own = currentSession();
  if (own || !channel) return requireSignIn();
  const shared = await new Promise<Session | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), waitMs);
    channel.addEventListener('message', function answer(event: MessageEvent<{ session?: Session }>) {
      if (!event.data.session || event.data.session.expiresAt <= Date.now() + 30_000) return;
      clearTimeout(timer);
      channel.removeEventListener('message', answer);
      resolve(event.data.session);
    });
    channel.postMessage({ ask: true });
  });
  if (shared) sessionStorage.setItem(KEY, JSON.stringify(shared));
  return requireSignIn();
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Calls the officer API; throws ApiError with the server's message for any non-2xx answer. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const session = requireSignIn();
  const res = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${session.accessToken}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 401) {
    sessionStorage.removeItem(KEY);
    requireSignIn();
  }
  const text = await res.text();
  const body = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  if (!res.ok)
    throw new ApiError(
      res.status,
      String(body?.message ?? `The request failed (${res.status})`),
      (body?.errors as { path: string; message: string }[]) ?? [],
    );
  return (body ?? text) as T;
}

/** Downloads a CSV answer from the API as a file (the token cannot go in a plain link). */
export async function download(path: string, filename: string): Promise<void> {
  const csv = await api<string>(path);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** UK date and time, e.g. "22 Nov 2026, 14:05". */
/** A due time, as formatDue says it (never a bare "00:00"). */
export function due(iso: string | undefined): string {
  return iso ? formatDue(iso) : '';
}

export function when(iso: string | undefined): string {
  return iso
    ? new Date(iso).toLocaleString('en-GB', {
        timeZone: 'Europe/London',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
}

/**
 * Shows a message in the page's live region (announced by screen readers) and moves
 * focus to it. An error is a GOV.UK error summary; anything else a success banner.
 */
let announced = 0;
export function announce(message: ComponentChildren, kind: 'success' | 'error' = 'success'): void {
  const region = document.getElementById('workspace-message')!;
  // A new key each time: the message is drawn afresh, so a repeated one is announced again.
  announced += 1;
  show(
    region,
    kind === 'error' ? (
      <div class="govuk-error-summary" tabindex={-1} key={announced}>
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">{message}</div>
      </div>
    ) : (
      <div class="govuk-notification-banner govuk-notification-banner--success" tabindex={-1} key={announced}>
        <div class="govuk-notification-banner__content">
          <p class="govuk-notification-banner__heading">{message}</p>
        </div>
      </div>
    ),
  );
  (region.firstElementChild as HTMLElement).focus();
}

/**
 * A failed call, said as an error: the API's message and each problem it listed, or
 * `otherwise` when there was no answer to read (the network, a crash).
 */
export function announceFailure(error: unknown, otherwise: string): void {
  if (!(error instanceof ApiError)) {
    announce(<p class="govuk-body">{otherwise}</p>, 'error');
    return;
  }
  announce(
    <>
      <p class="govuk-body">{error.message}</p>
      {error.errors.length ? (
        <ul class="govuk-list govuk-error-summary__list">
          {error.errors.map((e) => (
            <li>{e.message}</li>
          ))}
        </ul>
      ) : null}
    </>,
    'error',
  );
}

const drawn = new WeakSet<Element>();
/**
 * Draws `view` in the element in place of what it held: the page's own markup the
 * first time (cleared, not reused), then Preact updates its earlier view.
 */
export function show(element: Element, view: ComponentChildren): void {
  if (!drawn.has(element)) {
    element.replaceChildren();
    drawn.add(element);
  }
  render(h(Fragment, null, view), element);
}

/** What the signed-in user may do, from their groups (the API checks the same, and has the last word). */
export function roleOf(session: Session): { admin: boolean; officer: boolean; partnerId?: string } {
  const admin = session.groups.includes('admin');
  const officer = admin || session.groups.includes('officer');
  const partnerId = session.groups.find((g) => g.startsWith('partner-'))?.slice('partner-'.length);
  return { admin, officer, ...(partnerId ? { partnerId } : {}) };
}

/**
 * A page the user's role cannot use: says so plainly in place of the page's content
 * (never a page left on "Loading…"); returns false so the page does not go on.
 */
export function allowedHere(session: Session, needs: 'officer' | 'admin', what: string): boolean {
  const role = roleOf(session);
  if (needs === 'admin' ? role.admin : role.officer) return true;
  const body = document.getElementById('workspace-page');
  if (body)
    show(
      body,
      <p class="govuk-body" id="not-for-role">
        Your account cannot {what}: only {needs === 'admin' ? 'administrators' : 'partnership officers'} can.{' '}
        <a class="govuk-link" href="/officer/">
          Go to the inbox
        </a>
        .
      </p>,
    );
  return false;
}

/** Fills the workspace header: who is signed in, the links their role can use, sign out. */
export function showSignedIn(session: Session): void {
  const who = document.getElementById('workspace-user');
  if (who) who.textContent = `Signed in as ${session.username}`;
  const role = roleOf(session);
  for (const el of document.querySelectorAll<HTMLElement>('[data-admin-only]')) el.hidden = !role.admin;
  for (const el of document.querySelectorAll<HTMLElement>('[data-officer-only]')) el.hidden = !role.officer;
  document.getElementById('sign-out')?.addEventListener('click', signOut);
}
