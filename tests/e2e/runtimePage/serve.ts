/**
 * Builds the test-only runtime page (tests/e2e/runtimePage/) with the app's Vite and CSP into a folder of
 * its own, adds the test models as files beside it, and serves it the way the app's build is served.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type PreviewServer, preview } from 'vite';
import { contentSecurityPolicy } from '../../../vite.config.ts';

export interface RuntimePage {
  url: string;
  close(): Promise<void>;
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
