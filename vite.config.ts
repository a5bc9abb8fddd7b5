import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * The built page allows only its own origin, plus basemap hosts the deployer names in
 * VITE_BASEMAP_HOSTS (space-separated origins). In dev the React refresh preamble is inline, so
 * the policy is added to the production build only.
 */
function contentSecurityPolicy(extraHosts: string): Plugin {
  const hosts = extraHosts.trim();
  const extra = hosts ? ` ${hosts}` : '';
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self'${extra}`,
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    plugins: [react(), contentSecurityPolicy(env.VITE_BASEMAP_HOSTS ?? '')],
    build: { target: 'es2022', chunkSizeWarningLimit: 2500, sourcemap: true },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
  };
});
