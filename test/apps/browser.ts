import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SHOTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));

/**
 * Opens a generated todo app like a person would: types a todo into the labelled field,
 * presses the Add button and returns the text of the list afterwards (a screenshot of the
 * page is kept in test/.artifacts/).
 */
export async function addTodoInBrowser(url: string, todo: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('textbox').first().fill(todo);
    await page.getByRole('button', { name: /add/i }).first().click();
    const list = page.getByRole('list').first();
    await list.getByText(todo).waitFor({ timeout: 10_000 });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}generated-todo-app.png`, fullPage: true });
    return await list.innerText();
  } finally {
    await browser.close();
  }
}
