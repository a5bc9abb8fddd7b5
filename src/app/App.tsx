import { useCallback, useEffect } from 'react';
import type { AppConfig } from '../config';
import type { CollectionId } from '../layers/registry';
import { MapView } from '../map/MapView';
import { useAppStore } from '../state/store';
import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { retryCollection, useDataLoading } from './useDataLoading';

export function App({ config }: { config: AppConfig }) {
  useDataLoading(config);
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const onRetry = useCallback((id: CollectionId) => retryCollection(config, id), [config]);
  return (
    <div className="app">
      <Header config={config} />
      <main className="main">
        <LayerPanel onRetry={onRetry} />
        <MapView config={config} />
      </main>
    </div>
  );
}
