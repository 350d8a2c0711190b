/**
 * Progressive enhancement for the charity-pot vote form. Without this file residents
 * type a number in each box and the API checks the total; with it each concern gets
 * "Remove a token" and "Add a token" buttons, and a status line (read out by screen
 * readers, politely) says how many tokens are left. The boxes stay editable, so typing
 * still works, and the form posts exactly as it does without JavaScript.
 */
export function enhancePollForm(): void {
  const pots = document.querySelector<HTMLElement>('.portal-tokens');
  const status = document.getElementById('tokens-left');
  const form = document.getElementById('poll-form') as HTMLFormElement | null;
  if (!pots || !status || !form) return;
  const total = Number(pots.dataset.tokens);
  const rule = pots.dataset.rule;
  const inputs = [...pots.querySelectorAll<HTMLInputElement>('.portal-token__input')];
  status.hidden = false;
  status.setAttribute('role', 'status');

  const tokensIn = (input: HTMLInputElement) => (/^\d+$/.test(input.value.trim()) ? Number(input.value.trim()) : 0);
  const placed = () => inputs.reduce((sum, input) => sum + tokensIn(input), 0);
  const describe = () => {
    const left = total - placed();
    if (left < 0)
      return `You have placed ${-left} ${-left === 1 ? 'token' : 'tokens'} too many: take ${-left === 1 ? 'one' : 'some'} away.`;
    if (left === 0) return `All ${total} tokens placed.`;
    return `${left} of ${total} ${left === 1 ? 'token' : 'tokens'} left to place${rule === 'up-to' ? ' (you do not have to place them all)' : ''}.`;
  };
  const update = () => (status.textContent = describe());

  for (const input of inputs) {
    const label = input.closest('.portal-token')?.querySelector('label')?.textContent?.trim() ?? '';
    const button = (text: string, name: string, change: number) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'govuk-button govuk-button--secondary portal-token__button';
      b.textContent = text;
      b.setAttribute('aria-label', name);
      b.setAttribute('aria-controls', input.id);
      b.addEventListener('click', () => {
        const next = tokensIn(input) + change;
        if (next < 0) return;
        if (change > 0 && placed() >= total) {
          status.textContent = `No tokens left. Take one from another concern first.`;
          return;
        }
        input.value = String(next);
        update();
      });
      return b;
    };
    input.before(button('−', `Remove a token from ${label}`, -1));
    input.after(button('+', `Add a token to ${label}`, 1));
    input.addEventListener('input', update);
  }
  update();

  let sending = false;
  form.addEventListener('submit', (event) => {
    // A second press while the first is on its way would only be refused as a repeat.
    if (sending) event.preventDefault();
    sending = true;
  });
}
