import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { readConfig, type AppConfig } from '../config';
import { configureServerApi } from './stats/serverApi';
import { restoreViewFromAddress } from './useUrlSync';

/** Starts a page (the dashboard or the wall): the view from the address, the server's API, the mock API in development, then the first render. */
export async function startPage(Page: ComponentType<{ config: AppConfig }>): Promise<void> {
  const config = readConfig(import.meta.env as Record<string, string | undefined>, window.location.search);
  restoreViewFromAddress(config);
  configureServerApi(config);
  if (config.mockApi) {
    const { startMockApi } = await import('../../mocks/browser');
    await startMockApi(config.dataUrl, config.apiUrl, config.liveFeedMs);
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Page config={config} />
    </StrictMode>,
  );
}
