import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const THEME_COLOUR = '#10141c'; // --colour-background in src/app/theme.css

/**
 * The Content-Security-Policy of the built page. Static hosts cannot be relied on to send headers, so it
 * goes into index.html as a <meta> (which cannot carry frame-ancestors, report-uri or sandbox).
 * - script-src 'self' 'wasm-unsafe-eval': only the bundled modules and registerSW.js; no inline script
 *   and no 'unsafe-eval' (pixi.js runs without eval through pixi.js/unsafe-eval; mathjs is used to parse
 *   only). 'wasm-unsafe-eval' lets the page compile WebAssembly (llama.cpp, for a real model) and nothing
 *   else: JavaScript eval and new Function stay blocked.
 * - worker-src 'self' blob:: the language-model trainer is a module worker from its own file, and the
 *   service worker is sw.js; wllama (the real model's llama.cpp) builds its worker from a blob: URL of code
 *   inside its own bundled module (and the multi-thread build its pthread workers the same way).
 * - style-src 'self': stylesheets are bundled files, and pixi.js, uPlot and our code set styles through
 *   element.style (CSSOM), which CSP does not restrict, so no 'unsafe-inline' is needed.
 * - img-src data: blob: for the PNG export (canvas.toBlob) and images pixi.js may make from the canvas.
 * - connect-src 'self' blob: https:: the bundled corpora and the wasm are fetched from the same origin;
 *   llama.cpp's worker fetches the wasm from a blob: URL the page made of those bytes (src/realModel/
 *   wasmSource.ts); a model is fetched from an https address the person types (a Hugging Face link
 *   redirects to its CDN hosts, which cannot be listed in advance). Plain http: stays blocked.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: https:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Adds the policy to the built index.html only: Vite's dev server injects inline scripts for HMR. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'boltzmann-lab:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after <meta charset>, before any script or stylesheet: a policy in a <meta> applies only to
      // what comes after it, and the charset declaration must stay within the first 1024 bytes.
      handler: (html) => {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html needs a <meta charset> to put the CSP after.');
        const policy = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        return html.replace(charset, (meta) => `${meta}\n    ${policy}`);
      },
    },
  };
}

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    // dist/.vite/manifest.json: scripts/check-size.ts walks it to find the first screen's static imports.
    manifest: true,
    rolldownOptions: {
      experimental: {
        // Rolldown otherwise folds pixi's WebGL renderer (a dynamic import of pixi's own) into the entry
        // once enough lazy chunks exist, and the first screen's static JavaScript grows by ~35 KB gzipped;
        // kept a chunk of its own, it is fetched when the canvas starts, as before.
        chunkOptimization: { avoidRedundantChunkLoads: false },
      },
    },
  },
  plugins: [
    contentSecurityPolicy(),
    VitePWA({
      // A separate registerSW.js file rather than an inline script, which the CSP would block.
      injectRegister: 'script',
      // 'prompt' never forces a new service worker onto open tabs: a tab keeps the precache its page was
      // built with, so the lazily loaded chunks it may still ask for (hashed names) stay available. The
      // new version takes over once every tab of the app is closed.
      registerType: 'prompt',
      // The icons are precached by workbox.globPatterns below; adding them again would list them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Boltzmann Lab',
        short_name: 'Boltzmann',
        description:
          "Sampling with temperature is the Boltzmann distribution: particles on energy levels and a language model's next token, on one engine.",
        theme_color: THEME_COLOUR,
        background_color: THEME_COLOUR,
        display: 'standalone',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Everything the app can ask for, so that it works offline once loaded: the lazily loaded screens,
        // the trainer worker and the corpora (.txt, fetched by their hashed URLs) as well as the first
        // screen. Source maps are left out (large, and only for developers).
        // The plugin adds manifest.webmanifest itself.
        globPatterns: ['**/*.{html,js,css,txt,png,svg,woff,woff2}'],
        // The largest file is the State of the Union corpus (~0.5 MB); fail the build rather than silently
        // leave a bigger future file out of the precache.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // The first install controls the page at once, so the first visit already works offline. Updates
        // still wait (no skipWaiting; see registerType).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        // llama.cpp's wasm (2.1 MB, src/realModel/wasmSource.ts) is not precached: most visitors never
        // open a real model. The page fetches it when a model is first loaded, and this cache keeps it,
        // so that a model stored in the browser runs offline afterwards. The names are content-hashed, so
        // a cached copy never goes stale; the entry limit drops the files of older versions.
        runtimeCaching: [
          {
            urlPattern: /\/assets\/[^/]+\.wasm$/,
            handler: 'CacheFirst',
            options: { cacheName: 'llama-cpp-wasm', expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/english-errors.ts'],
          environment: 'node',
          // The property tests and the 200,000-token import take about a second alone and several times
          // that on a loaded 2-core machine; the timeout catches a hang, it is not a performance check.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Figures measured in Chromium (the real model's runtime), printed for the README and
          // the closing notes; `npm run figures`, never part of `npm test`.
          name: 'figures',
          include: ['bench/browser/**/*.figures.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
