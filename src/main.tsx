import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureServerApi } from './app/stats/serverApi';
import { readConfig } from './config';
import { restoreViewFromAddress } from './app/useUrlSync';
import { isWallAddress } from './wall/wallConfig';
import './styles.css';

const config = readConfig(import.meta.env as Record<string, string | undefined>, window.location.search);

async function start() {
  restoreViewFromAddress(config);
  configureServerApi(config);
  if (config.mockApi) {
    const { startMockApi } = await import('../mocks/browser');
    await startMockApi(config.dataUrl, config.apiUrl, config.liveFeedMs);
  }
  // The dashboard and the wall are chunks of their own: a desk never loads the wall, a wall never loads the dashboard.
  const root = isWallAddress(window.location.search)
    ? await import('./wall/WallApp').then(({ WallApp }) => <WallApp config={config} />)
    : await import('./app/App').then(({ App }) => <App config={config} />);
  createRoot(document.getElementById('root')!).render(<StrictMode>{root}</StrictMode>);
}

void start();
