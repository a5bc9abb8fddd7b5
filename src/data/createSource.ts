import type { AppConfig } from '../config';
import { createOgcApiSource } from './ogcApiSource';
import type { DataSource } from './source';
import { createStaticSource } from './staticSource';

export function createDataSource(config: AppConfig): DataSource {
  return config.source === 'api' ? createOgcApiSource({ baseUrl: config.apiUrl }) : createStaticSource({ baseUrl: config.dataUrl });
}
