import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;

/** Libraries that change rarely: one long-cached chunk shared by every page. */
const FRAMEWORK = /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]query-core|@tanstack[\\/]react-query)[\\/]/;
/** Charts are large and only the statistics pages use them: never part of the portal home. */
const CHARTS = /[\\/]node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/;

/**
 * The API is proxied to the Fastify server in development. The app's own modules under src/web/api/ share the
 * /api/ prefix (they are served as /api/client.ts), so TypeScript sources skip the proxy.
 */
const apiProxy = {
  target: 'http://localhost:3000',
  changeOrigin: false,
  bypass: (req: { url?: string }) => (/^\/api\/[^?]*\.tsx?(\?|$)/.test(req.url ?? '') ? req.url : undefined),
};

export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // Read by scripts/report-bundle.mjs to measure what the portal home downloads.
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // antd is left to automatic splitting on purpose: a single antd chunk would make the portal home download
        // the tables, forms and date pickers of the back office. Automatic splitting keeps each component with the
        // routes that use it.
        codeSplitting: {
          groups: [
            { name: 'framework', test: FRAMEWORK, priority: 20 },
            { name: 'charts', test: CHARTS, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': apiProxy },
  },
  preview: {
    proxy: { '/api': apiProxy },
  },
});
