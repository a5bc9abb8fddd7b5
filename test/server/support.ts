import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { inject } from 'vitest';
import { serverStack } from '../support/serverStack';

/** The stack the server tests share (started and loaded once by globalSetup.ts). */
export const testStack = serverStack('.server-test', 55433, 8090);

export const serverUrl = () => inject('serverUrl');
export const ogcApi = () => `${serverUrl()}/ogcapi`;

export async function getJson<T = Record<string, unknown>>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export const readData = (name: string) => JSON.parse(readFileSync(`public/data/${name}.geojson`, 'utf8')) as FeatureCollection;
