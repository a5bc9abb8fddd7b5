import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readConfig } from '../config';
import { App } from './App';
import { startPage } from './startPage';

/** Starts the dashboard. */
export async function start(): Promise<void> {
  const config = readConfig(import.meta.env as Record<string, string | undefined>, window.location.search);
  await startPage(config);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}
