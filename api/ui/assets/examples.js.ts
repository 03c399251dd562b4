/** Example buttons fill the prompt in place; without scripts they reload the page with it filled in. */
export const examplesJs = String.raw`
import { announce } from './regions.js';

export function enhanceExamples(prompt) {
  if (!prompt) return;
  for (const button of document.querySelectorAll('button[data-example]')) {
    button.addEventListener('click', (event) => {
      event.preventDefault();
      prompt.value = button.dataset.example;
      prompt.focus();
      announce('Example copied into the prompt.');
    });
  }
}
`;
