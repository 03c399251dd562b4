/** Example buttons fill the prompt in place; without scripts they reload the page with it filled in. */
import { announce } from './regions.ts';

export function enhanceExamples(prompt: HTMLTextAreaElement | HTMLInputElement | null): void {
  if (!prompt) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-example]')) {
    button.addEventListener('click', (event) => {
      event.preventDefault();
      prompt.value = button.dataset.example ?? '';
      prompt.focus();
      announce('Example copied into the prompt.');
    });
  }
}
