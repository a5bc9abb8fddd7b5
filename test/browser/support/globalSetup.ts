import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The same app built in mock-API mode (dist-api/): OGC API - Features served by MSW, with a live feed. */
    apiBaseUrl: string;
  }
}

/** Serves the production build (dist/, built by the test command) on a free loopback port. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  if (!existsSync('dist/data/manifest.json')) throw new Error('dist/data is missing: run `npm run data` before building');
  if (!existsSync('dist-api/index.html')) throw new Error('dist-api/ is missing: run `vite build --mode mock-api --outDir dist-api`');
  const servers = await Promise.all(
    ['dist', 'dist-api'].map((outDir) => preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' })),
  );
  const urls = servers.map((s) => {
    const url = s.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report its address');
    return url.replace(/\/$/, '');
  });
  project.provide('baseUrl', urls[0]);
  project.provide('apiBaseUrl', urls[1]);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
