import type { AppConfig } from '../config';
import { configureServerApi } from './stats/serverApi';
import { restoreViewFromAddress } from './useUrlSync';

/** What both pages do before their first render: the view from the address, the server's API, the mock API in development. */
export async function startPage(config: AppConfig): Promise<void> {
  restoreViewFromAddress(config);
  configureServerApi(config);
  if (config.mockApi) {
    const { startMockApi } = await import('../../mocks/browser');
    await startMockApi(config.dataUrl, config.apiUrl, config.liveFeedMs);
  }
}
