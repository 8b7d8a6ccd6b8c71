/**
 * Builds the test-only runtime page (tests/e2e/runtimePage/) with the app's Vite and CSP into a folder of
 * its own, adds the test models as files beside it, and serves it the way the app's build is served.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin, type PreviewServer, preview } from 'vite';
import { contentSecurityPolicy } from '../../../vite.config.ts';

export interface RuntimePage {
  url: string;
  close(): Promise<void>;
}

/** Bytes sent per step of /slow/<file>, and the pause between steps (so a download can be cancelled midway). */
const SLOW_CHUNK_BYTES = 64 * 1024;
const SLOW_PAUSE_MS = 20;

/** /slow/<file> streams one of the files slowly, with its Content-Length, as a distant server would. */
function slowModelHost(files: Record<string, Uint8Array>): Plugin {
  return {
    name: 'runtime-page:slow-model-host',
    configurePreviewServer(server) {
      server.middlewares.use('/slow/', (request, response) => {
        const bytes = files[(request.url ?? '').replace(/^\//, '').split('?')[0]];
        if (!bytes) {
          response.statusCode = 404;
          response.end();
          return;
        }
        response.setHeader('Content-Type', 'application/octet-stream');
        response.setHeader('Content-Length', String(bytes.length));
        if (request.method === 'HEAD') return void response.end();
        let sent = 0;
        const step = () => {
          if (response.destroyed) return;
          if (sent >= bytes.length) return void response.end();
          response.write(bytes.subarray(sent, sent + SLOW_CHUNK_BYTES));
          sent += SLOW_CHUNK_BYTES;
          setTimeout(step, SLOW_PAUSE_MS);
        };
        step();
      });
    },
  };
}

export async function serveRuntimePage(files: Record<string, Uint8Array>): Promise<RuntimePage> {
  const outDir = mkdtempSync(join(tmpdir(), 'boltzmann-runtime-page-'));
  const root = new URL('.', import.meta.url).pathname;
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    plugins: [contentSecurityPolicy()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(outDir, name), bytes);
  const server: PreviewServer = await preview({
    configFile: false,
    root,
    plugins: [slowModelHost(files)],
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no TCP address.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
