// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/App.tsx';
import { createLocalStore, memoryStorage } from '../src/local-store.ts';
import { entities, storageNamespace } from '../src/model.ts';
import type { Store } from '../src/types.ts';
import { byLabel, byRole, click, queryAllByRole, render, type, type Rendered } from './dom.ts';

let store: Store;
const mounted: Rendered[] = [];

async function start(): Promise<Rendered> {
  window.localStorage.clear();
  store = createLocalStore(window.localStorage, storageNamespace);
  const view = await render(<App store={store} />);
  mounted.push(view);
  return view;
}

afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

// Keeps the import used when every entity's tests leave it out.
void memoryStorage;

describe("Todos", () => {
  it('adds a todo and lists it', async () => {
    const view = await start();
    await type(byLabel(view.container, "Todo title"), "Alpha title");
    await click(byRole(view.container, 'button', "Add todo"));
    expect(byRole(view.container, 'list', "Todos").textContent).toContain("Alpha title");
    expect(await store.list(entities[0]!)).toHaveLength(1);
  });

  it('says what is missing instead of adding an empty todo', async () => {
    const view = await start();
    await click(byRole(view.container, 'button', "Add todo"));
    expect(queryAllByRole(view.container, 'alert').map((alert) => alert.textContent)).toContain("Title is required");
    expect(await store.list(entities[0]!)).toHaveLength(0);
  });

  it('marks a todo as completed', async () => {
    const view = await start();
    await type(byLabel(view.container, "Todo title"), "Alpha title");
    await click(byRole(view.container, 'button', "Add todo"));
    const checkbox = byRole(view.container, 'checkbox', "Completed: Alpha title") as HTMLInputElement;
    expect(checkbox.checked).toBe(false);
    await click(checkbox);
    expect(checkbox.checked).toBe(true);
    expect((await store.list(entities[0]!))[0]?.completed).toBe(true);
  });

  it('filters todos by completed', async () => {
    const view = await start();
    await type(byLabel(view.container, "Todo title"), "Alpha title");
    await click(byRole(view.container, 'button', "Add todo"));
    await type(byLabel(view.container, "Todo title"), "Bravo title");
    await click(byRole(view.container, 'button', "Add todo"));
    await click(byRole(view.container, 'checkbox', "Completed: Bravo title"));
    await click(byRole(view.container, 'button', "Completed"));
    expect(byRole(view.container, 'list', "Todos").textContent).toContain("Bravo title");
    expect(byRole(view.container, 'list', "Todos").textContent).not.toContain("Alpha title");
    await click(byRole(view.container, 'button', "Active"));
    expect(byRole(view.container, 'list', "Todos").textContent).toContain("Alpha title");
    expect(byRole(view.container, 'list', "Todos").textContent).not.toContain("Bravo title");
    await click(byRole(view.container, 'button', 'All'));
    expect(queryAllByRole(byRole(view.container, 'list', "Todos"), 'listitem')).toHaveLength(2);
  });

  it('deletes a todo', async () => {
    const view = await start();
    await type(byLabel(view.container, "Todo title"), "Alpha title");
    await click(byRole(view.container, 'button', "Add todo"));
    await click(byRole(view.container, 'button', "Delete Alpha title"));
    expect(byRole(view.container, 'list', "Todos").textContent).not.toContain("Alpha title");
    expect(await store.list(entities[0]!)).toHaveLength(0);
  });

  it('keeps todos after a reload', async () => {
    let view = await start();
    await type(byLabel(view.container, "Todo title"), "Alpha title");
    await click(byRole(view.container, 'button', "Add todo"));
    await view.unmount();
    view = await render(<App store={createLocalStore(window.localStorage, storageNamespace)} />);
    mounted.push(view);
    expect(byRole(view.container, 'list', "Todos").textContent).toContain("Alpha title");
  });
});
