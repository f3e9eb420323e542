import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { cspMeta } from './shared/security/csp.ts';

/** Adds the strict CSP to the built index.html (the dev server needs inline HMR scripts). */
function cspPlugin(): Plugin {
  return {
    name: 'senshin-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${cspMeta()}" />`),
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), cspPlugin()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
