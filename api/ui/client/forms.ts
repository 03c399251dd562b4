/**
 * Forms marked `data-enhance` (cancel, retry, validate, register) are sent in the background:
 * the answer's regions replace the page's, so focus and scroll stay put. A redirect to another
 * page is followed as a normal navigation; a network failure falls back to a plain submit.
 */
import { announce, swapRegions } from './regions.ts';

export function enhanceForms(): void {
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-enhance') || form.dataset.plain) return;
    event.preventDefault();
    if (form.dataset.busy) return;
    const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter : null;
    const action = (submitter && submitter.getAttribute('formaction')) || form.getAttribute('action') || location.pathname;
    // Every field of these forms is text, so the FormData converts without loss.
    const body = new URLSearchParams(new FormData(form, submitter) as unknown as Record<string, string>);
    // Busy, not disabled: disabling the focused button would drop focus to the page body.
    const buttons = [...form.querySelectorAll('button')];
    const busy = (on: boolean): void => {
      if (on) form.dataset.busy = '1';
      else delete form.dataset.busy;
      for (const el of [form, ...buttons]) {
        const name = el === form ? 'aria-busy' : 'aria-disabled';
        if (on) el.setAttribute(name, 'true');
        else el.removeAttribute(name);
      }
    };
    busy(true);
    let res: Response;
    try {
      res = await fetch(action, { method: 'POST', body, headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    } catch {
      form.dataset.plain = '1';
      busy(false);
      form.requestSubmit(submitter);
      return;
    }
    const target = new URL(res.url, location.href);
    if (res.redirected && target.pathname !== location.pathname) {
      location.assign(res.url);
      return;
    }
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    busy(false);
    const replaced = swapRegions(doc, { force: true });
    const alert = replaced.map((r) => r.querySelector<HTMLElement>('[role="alert"]')).find((el) => el !== null);
    if (alert) {
      alert.setAttribute('tabindex', '-1');
      alert.focus();
    } else if (replaced.length === 0) {
      announce('Done.');
    }
  });
}
