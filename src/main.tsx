import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { readConfig } from './config';
import { restoreViewFromAddress } from './app/useUrlSync';
import './styles.css';

const config = readConfig(import.meta.env as Record<string, string | undefined>, window.location.search);

async function start() {
  restoreViewFromAddress();
  if (config.mockApi) {
    const { startMockApi } = await import('../mocks/browser');
    await startMockApi(config.dataUrl, config.apiUrl, config.liveFeedMs);
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

void start();
