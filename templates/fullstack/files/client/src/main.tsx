import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createApiStore } from './api-store.ts';
import { storageNamespace } from './model.ts';
import './styles.css';

// An API that protects writes needs its token; a person stores it once in this browser.
const token = window.localStorage.getItem(`${storageNamespace}:apiToken`) ?? undefined;

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={createApiStore('/api', undefined, token)} />
  </StrictMode>,
);
