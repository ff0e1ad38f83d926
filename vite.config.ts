import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
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

/** Writes .gz and .br beside each text asset so the server sends them precompressed (@fastify/static preCompressed). */
function precompress(outDir: string): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? walk(file) : [file];
    });
  return {
    name: 'motcua-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react(), precompress(path.join(here, 'dist/web'))],
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
