// Vite build of the web console. `npm run build` writes web/dist, which the server
// serves (`yilian serve --web web/dist`, index.html for every client route).
// Element Plus components and their CSS are imported on demand by the resolvers
// below, so only what the pages use is bundled; nothing is loaded from a CDN.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import AutoImport from 'unplugin-auto-import/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'

// Writes dist/sw.js from sw-template.js with this build's files as the app shell.
function serviceWorker() {
  return {
    name: 'yilian-service-worker',
    apply: 'build',
    generateBundle(_, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'))
      const shell = ['/index.html', '/manifest.webmanifest', '/icon.svg', ...files.filter((f) => f !== 'index.html').map((f) => `/${f}`)]
      const version = createHash('sha256').update(files.sort().join('\n')).digest('hex').slice(0, 12)
      const source = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8')
        .replace('__VERSION__', version)
        .replace('__SHELL__', JSON.stringify(shell, null, 2))
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    AutoImport({ resolvers: [ElementPlusResolver()], dts: false }),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
    serviceWorker(),
  ],
  resolve: { alias: { '@': new URL('./src', import.meta.url).pathname } },
  // vue-i18n feature flags: the app uses the Composition API only (createI18n({ legacy: false }))
  // and none of the global <i18n-t>/v-t helpers, so their code is left out (≈2.5 kB gzip of
  // the first load; bench/web_bench.mjs measures it).
  define: {
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    // `npm run dev` against a server started with `make serve` (127.0.0.1:8080).
    proxy: { '/api': process.env.YILIAN_API || 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Element Plus' shared pieces come out named after their style modules ("css");
        // give such chunks a neutral name.
        chunkFileNames: (c) => (['css', 'index', 'style'].includes(c.name) ? 'assets/chunk-[hash].js' : 'assets/[name]-[hash].js'),
        // The framework in one long-lived chunk; everything else is split per page by
        // the router's lazy imports, so the login page loads only what it uses.
        codeSplitting: {
          groups: [
            { name: 'vendor-vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ },
            // The field app of the dispatched doctor in one chunk: opened once online, all of it works offline.
            { name: 'field', test: /src[\\/](views[\\/]support[\\/]field|offline)[\\/]/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
})
