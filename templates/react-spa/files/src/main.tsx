import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createLocalStore, memoryStorage } from './local-store.ts';
import { entities, storageNamespace } from './model.ts';
import './styles.css';

/** localStorage, or memory when the browser refuses it (private modes, disabled storage). */
function browserStorage(): Storage {
  try {
    window.localStorage.setItem(`${storageNamespace}:probe`, '1');
    window.localStorage.removeItem(`${storageNamespace}:probe`);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={createLocalStore(browserStorage(), storageNamespace, entities)} />
  </StrictMode>,
);
