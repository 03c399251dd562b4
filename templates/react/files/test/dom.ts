import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

// Tells React that updates here are wrapped in act(), so it does not warn.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  unmount(): Promise<void>;
}

/** Lets pending promises and effects finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function render(element: ReactElement): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(element));
  await settle();
  let mounted = true;
  return {
    container,
    async unmount() {
      if (!mounted) return;
      mounted = false;
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

function nameOf(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy !== null) return document.getElementById(labelledBy)?.textContent?.trim() ?? '';
  return element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
}

/** The form control whose <label> or aria-label reads `text`, as a person finds it. */
export function byLabel(container: HTMLElement, text: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  for (const label of container.querySelectorAll('label')) {
    if (label.textContent?.trim() !== text) continue;
    const control = label.htmlFor === '' ? label.querySelector('input, textarea, select') : document.getElementById(label.htmlFor);
    if (control !== null) return control as HTMLInputElement;
  }
  const labelled = [...container.querySelectorAll('input, textarea, select')].find((element) => element.getAttribute('aria-label') === text);
  if (labelled !== undefined) return labelled as HTMLInputElement;
  throw new Error(`no control labelled "${text}"`);
}

/** The element with this ARIA role (button, link, list, group, alert) and accessible name. */
export function byRole(container: HTMLElement, role: 'button' | 'link' | 'list' | 'group' | 'alert' | 'checkbox', name?: string): HTMLElement {
  const selector = { button: 'button', link: 'a[href]', list: 'ul, ol, [role="list"]', group: '[role="group"]', alert: '[role="alert"]', checkbox: 'input[type="checkbox"]' }[role];
  const found = [...container.querySelectorAll<HTMLElement>(selector)].find((element) => name === undefined || nameOf(element) === name);
  if (found === undefined) throw new Error(`no ${role} named "${name ?? ''}"`);
  return found;
}

export function queryAllByRole(container: HTMLElement, role: 'alert' | 'listitem'): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(role === 'alert' ? '[role="alert"]' : 'li')];
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
  await settle();
}

/** Types into a control the way a browser does, so uncontrolled and controlled inputs both see it. */
export async function type(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    const prototype = Object.getPrototypeOf(element) as object;
    const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
    if (setter === undefined) element.value = value;
    else setter.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Follows a URL inside the app, as typing it into the address bar or pressing back would. */
export async function go(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
  });
  await settle();
}
