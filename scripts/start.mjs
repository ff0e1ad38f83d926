// `npm start`: build the web app when it is missing or older than its sources, then run `motcua serve`,
// passing SIGINT / SIGTERM on to the server so that it shuts down gracefully.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildWebApp, hasWebApp, root, webBuildIsStale } from './web-build.mjs';

if (!hasWebApp()) {
  console.warn('! Không có vite.config.ts: bỏ qua bước build giao diện web / no vite.config.ts: skipping the web build.');
} else if (webBuildIsStale()) {
  console.log('Đang build giao diện web / building the web app (vite build)...');
  const code = buildWebApp();
  if (code !== 0) {
    console.error('Build giao diện web thất bại / the web build failed.');
    process.exit(code);
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'serve'], { cwd: process.cwd(), stdio: 'inherit' });

let lastSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A terminal's Ctrl+C reaches the server directly too (same process group); the server treats a repeat within
    // a second as the same request. Passing it on covers `kill <pid of this script>`.
    if (Date.now() - lastSignalAt < 500) return;
    lastSignalAt = Date.now();
    if (child.exitCode === null) child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}
process.on('exit', () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
