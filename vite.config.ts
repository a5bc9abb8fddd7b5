import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * The built page allows only its own origin, plus basemap hosts the deployer names in
 * VITE_BASEMAP_HOSTS (space-separated origins).
 */
function contentSecurityPolicy(extraHosts: string): string {
  const hosts = extraHosts.trim();
  const extra = hosts ? ` ${hosts}` : '';
  return [
    "default-src 'self'",
    // WebAssembly (sql.js, to read GeoPackage files in the import worker) compiles under this; no eval of script text.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self'${extra}`,
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The policy as a meta tag in the built page, and as content-security-policy.txt beside it for the
 * web server, which sends it as a header with frame-ancestors (a meta tag cannot carry that one).
 * In dev the React refresh preamble is inline, so the policy is added to the production build only.
 */
function contentSecurityPolicyPlugin(policy: string): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'content-security-policy.txt', source: `${policy}\n` });
    },
  };
}

/**
 * Cross-origin isolation: the page and its workers may then share memory (SharedArrayBuffer), so
 * the statistics worker reads the page's columns instead of a copy. Every resource is the app's own.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** What `vite preview` sends with every response, as the server stack's lighttpd does. */
const securityHeaders = (policy: string) => ({
  ...isolationHeaders,
  'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
});

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const policy = contentSecurityPolicy(env.VITE_BASEMAP_HOSTS ?? '');
  return {
    plugins: [react(), contentSecurityPolicyPlugin(policy)],
    // Source maps are not published unless a deployment asks for them (CITYGIS_SOURCEMAP=1 at build).
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 2500,
      sourcemap: process.env.CITYGIS_SOURCEMAP === '1',
      // The dashboard and wall (index.html), and the printable assessment report (report.html).
      rollupOptions: { input: { main: 'index.html', report: 'report.html' } },
    },
    server: { host: '127.0.0.1', port: 5173, headers: isolationHeaders },
    preview: { host: '127.0.0.1', port: 4173, headers: securityHeaders(policy) },
  };
});
