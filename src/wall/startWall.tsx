import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readConfig } from '../config';
import { startPage } from '../app/startPage';
import { WallApp } from './WallApp';

/** Starts the wall. */
export async function start(): Promise<void> {
  const config = readConfig(import.meta.env as Record<string, string | undefined>, window.location.search);
  await startPage(config);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <WallApp config={config} />
    </StrictMode>,
  );
}
