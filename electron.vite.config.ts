import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// main and preload build from electron/, the renderer from renderer/ (Vite root).
// Preload is bundled whole (no externals) so it runs in a sandboxed renderer.
const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    // Only a test package (npm run package:e2e) may be started with debugging switches.
    define: { __MINGJING_E2E_BUILD__: JSON.stringify(process.env.MINGJING_E2E_BUILD === '1') },
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      minify: true,
      // MINGJING_RENDERER_OUT lets parallel test runs build into their own folders.
      outDir: process.env.MINGJING_RENDERER_OUT ?? resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
