/**
 * Every element of QuantumLayer's own UI that the demo waits for or acts on, in one place: the
 * recorder (record-ui.ts) turns them into CSS for Chromium, and test/demo/selectors.test.ts finds
 * each one in the HTML the server renders, so a UI change that would break the demo fails a
 * test. The form is deliberately small (a tag, an id, classes, attributes, exact text) so the test
 * can match it without a browser.
 *
 * The generated todo app is not here: it is selected by accessible role and name (see
 * `todoApp` in record-ui.ts), as test/preview/ui-browser.test.ts does, so it survives changes
 * to the templates' markup.
 */
export interface ElementSelector {
  tag: string;
  id?: string;
  classes?: readonly string[];
  /** `true`: present with any value; `{ startsWith }`: value begins with it. */
  attrs?: Readonly<Record<string, string | true | { startsWith: string }>>;
  /** The element's whole text, exactly (for elements whose content is plain text). */
  text?: string;
  /**
   * Rendered by a page script rather than the server (the code viewer); the test then checks
   * that the script still creates it.
   */
  client?: 'files.ts';
}

/** The file the demo opens in the code viewer. */
export const DEMO_FILE = 'todo-app/src/App.tsx';
export const DEMO_PROMPT = 'Create a todo app with React';
export const DEMO_TODO = 'Record the demo';

export const selectors = {
  /** Generate page (`/`). */
  promptBox: { tag: 'textarea', id: 'prompt', attrs: { name: 'prompt' } },
  generateButton: { tag: 'button', classes: ['primary'], attrs: { type: 'submit' }, text: 'Generate' },
  /** Run page (`/ui/runs/{id}`). */
  timeline: { tag: 'ol', id: 'timeline', attrs: { 'data-run-status': true } },
  timelineCompleted: { tag: 'ol', id: 'timeline', attrs: { 'data-run-status': 'completed' } },
  step: { tag: 'li', classes: ['step'], attrs: { 'data-key': true, 'data-status': true } },
  report: { tag: 'section', id: 'report' },
  filesSection: { tag: 'section', id: 'files' },
  fileLink: { tag: 'a', attrs: { 'data-path': DEMO_FILE } },
  viewerHeading: { tag: 'h3', id: 'viewer-h', text: DEMO_FILE, client: 'files.ts' },
  downloadLink: { tag: 'a', id: 'download-link', attrs: { download: true } },
  /** Run page, preview section, in each state the demo passes through. */
  previewNone: { tag: 'section', id: 'preview', attrs: { 'data-preview-status': 'none' } },
  previewStart: { tag: 'button', id: 'preview-start-button', text: 'Start preview' },
  previewStarting: { tag: 'section', id: 'preview', attrs: { 'data-preview-status': 'starting' } },
  previewRunning: { tag: 'section', id: 'preview', attrs: { 'data-preview-status': 'running' } },
  previewFrame: { tag: 'iframe', classes: ['preview-frame'], attrs: { title: { startsWith: 'Preview of ' } } },
  previewStop: { tag: 'button', id: 'preview-stop-button', text: 'Stop preview' },
} as const satisfies Record<string, ElementSelector>;

export type SelectorName = keyof typeof selectors;

const quote = (value: string) => JSON.stringify(value);

/** The selector as CSS for Playwright (`:text-is` is Playwright's exact-text pseudo-class). */
export function css(selector: ElementSelector): string {
  let out = selector.tag;
  if (selector.id) out += `#${selector.id}`;
  for (const name of selector.classes ?? []) out += `.${name}`;
  for (const [name, value] of Object.entries(selector.attrs ?? {})) {
    if (value === true) out += `[${name}]`;
    else if (typeof value === 'string') out += `[${name}=${quote(value)}]`;
    else out += `[${name}^=${quote(value.startsWith)}]`;
  }
  if (selector.text !== undefined) out += `:text-is(${quote(selector.text)})`;
  return out;
}
