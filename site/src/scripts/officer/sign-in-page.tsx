/** Officer sign-in: username and password, then whatever Cognito asks next (a new password, an MFA code). */
import { continueSignIn, type SignInConfig, SignInError, startSignIn, type Step } from './cognito';
import { saveSession, show } from './session';

const errorBox = document.getElementById('sign-in-error')!;
let shown = 0;
const showError = (message: string) => {
  // A new key each time: the alert is drawn afresh, so the same message is said again.
  shown += 1;
  show(
    errorBox,
    <div class="govuk-error-summary" tabindex={-1} role="alert" key={shown}>
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <p class="govuk-body">{message}</p>
      </div>
    </div>,
  );
  (errorBox.firstElementChild as HTMLElement).focus();
};
let config: SignInConfig | undefined;
let step: Step | undefined;
const finish = (s: Step) => {
  step = s;
  if (s.kind === 'done') {
    saveSession(s.accessToken);
    const next = new URLSearchParams(location.search).get('next');
    location.assign(next?.startsWith('/officer/') ? next : '/officer/');
    return;
  }
  const label = {
    'new-password': 'Choose a new password',
    'mfa-code': 'Code from your authenticator app',
    'mfa-setup': 'Code from your authenticator app',
  }[s.kind];
  const hint =
    s.kind === 'new-password'
      ? 'At least 12 characters, with upper and lower case letters, a number and a symbol.'
      : s.kind === 'mfa-setup'
        ? `Add this key to your authenticator app, then enter the 6-digit code it shows: ${s.secret}`
        : 'Enter the 6-digit code.';
  document.getElementById('answer-label')!.textContent = label;
  document.getElementById('answer-hint')!.textContent = hint;
  (document.getElementById('answer') as HTMLInputElement).type = s.kind === 'new-password' ? 'password' : 'text';
  document.getElementById('sign-in-form')!.hidden = true;
  document.getElementById('challenge-form')!.hidden = false;
  document.getElementById('answer')!.focus();
};
const guard = async (work: () => Promise<void>) => {
  try {
    config ??= (await (await fetch('/api/sign-in-config')).json()) as SignInConfig;
    await work();
  } catch (error) {
    showError(error instanceof SignInError ? error.message : 'Sign-in is not available just now. Try again in a few minutes.');
  }
};
document.getElementById('sign-in-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const username = String(form.get('username') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!username || !password) return showError('Enter your work email address and password.');
  void guard(async () => finish(await startSignIn(config!, username, password)));
});
document.getElementById('challenge-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const answer = String(new FormData(event.target as HTMLFormElement).get('answer') ?? '').trim();
  if (!answer || !step || step.kind === 'done') return showError('Enter the code or password asked for.');
  const current = step;
  void guard(async () => finish(await continueSignIn(config!, current, answer)));
});
