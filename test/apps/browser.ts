import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';

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

export interface RecordsScenario {
  /** e.g. `Recipe`: forms label fields `Recipe title`, buttons read `Add recipe`. */
  entityLabel: string;
  /** The URL segment of its list, e.g. `recipes`. */
  key: string;
  /** The label of the field that titles a record, e.g. `Recipe title`. */
  titleLabel: string;
  /** Other required fields and a valid value for each, by label. */
  required?: Record<string, string>;
  /** The generated app's axe-core build, injected to check the pages in a real browser. */
  axePath: string;
}

export interface RecordsReport {
  detailUrl: string;
  headingAfterReload: string;
  backUrl: string;
  forwardUrl: string;
  pageTwoUrl: string;
  pageTwoTitles: string[];
  twentyFifthHeading: string;
  axe: string[];
}

/** Serious and critical axe-core findings on the current page, colour contrast included. */
async function axeFindings(page: Page, axePath: string): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * The whole job a person does with a generated UI, in Chromium: create a record, open it from
 * the list, edit a field, save, reload and still see the change; back and forward; then create
 * 25 more, page to the second page and open the 25th. axe-core checks the list, detail and edit
 * pages on the way. Screenshots go to test/.artifacts/.
 */
export async function exerciseRecordsInBrowser(url: string, scenario: RecordsScenario, shotName: string): Promise<RecordsReport> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const one = scenario.entityLabel.toLowerCase();
  const axe: string[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const add = async (title: string): Promise<void> => {
      await page.getByLabel(scenario.titleLabel, { exact: true }).fill(title);
      for (const [label, value] of Object.entries(scenario.required ?? {})) await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByRole('button', { name: `Add ${one}`, exact: true }).click();
      await page.getByRole('status').getByRole('link', { name: title, exact: true }).waitFor({ timeout: 10_000 });
    };
    const heading = page.getByRole('heading', { level: 2 });

    await add('First draft');
    axe.push(...(await axeFindings(page, scenario.axePath)).map((finding) => `list: ${finding}`));
    await page.getByRole('list', { name: /./ }).getByRole('link', { name: 'First draft', exact: true }).click();
    await heading.filter({ hasText: 'First draft' }).waitFor();
    const detailUrl = page.url();
    axe.push(...(await axeFindings(page, scenario.axePath)).map((finding) => `detail: ${finding}`));
    await page.getByRole('link', { name: 'Edit First draft', exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    axe.push(...(await axeFindings(page, scenario.axePath)).map((finding) => `edit: ${finding}`));
    await page.getByLabel(scenario.titleLabel, { exact: true }).fill('Final version');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await heading.filter({ hasText: 'Final version' }).waitFor();
    await page.reload();
    await heading.filter({ hasText: 'Final version' }).waitFor();
    const headingAfterReload = (await heading.innerText()).trim();
    await page.goBack();
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    const backUrl = page.url();
    await page.goForward();
    await heading.filter({ hasText: 'Final version' }).waitFor();
    const forwardUrl = page.url();

    await page.goto(new URL(`#/${scenario.key}`, url).toString());
    for (let n = 1; n <= 25; n++) await add(`${scenario.entityLabel} ${n}`);
    await page.getByRole('link', { name: 'Next page', exact: true }).click();
    const list = page.getByRole('list', { name: /./ });
    await list.getByRole('link', { name: `${scenario.entityLabel} 25`, exact: true }).waitFor();
    const pageTwoUrl = page.url();
    const pageTwoTitles = await list.locator('a.title').allInnerTexts();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}${shotName}-list.png`, fullPage: true });
    await list.getByRole('link', { name: `${scenario.entityLabel} 25`, exact: true }).click();
    await heading.filter({ hasText: `${scenario.entityLabel} 25` }).waitFor();
    const twentyFifthHeading = (await heading.innerText()).trim();
    await page.screenshot({ path: `${SHOTS}${shotName}-detail.png`, fullPage: true });
    return { detailUrl, headingAfterReload, backUrl, forwardUrl, pageTwoUrl, pageTwoTitles, twentyFifthHeading, axe };
  } finally {
    await browser.close();
  }
}
