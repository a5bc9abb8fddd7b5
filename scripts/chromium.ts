import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium binary (the /usr/bin one is a wrapper script); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** Headless and offline: no sandbox (root in CI), no network of its own, WebGL2 on Mesa through EGL. */
const FLAGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=gl-egl',
  '--ignore-gpu-blocklist',
];

export const hasChromium = () => existsSync(CHROMIUM_PATH);

/** Debian's Chromium, headless, driven by playwright-core (used by the browser tests, the screenshots and the PDF report). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
}
