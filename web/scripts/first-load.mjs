// Prints the gzip size of what the first page load fetches (index.html and the
// scripts and styles it references), from web/dist. `node scripts/first-load.mjs`
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const dist = new URL('../dist/', import.meta.url)
const html = readFileSync(new URL('index.html', dist), 'utf8')
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])
let js = 0
let css = 0
for (const f of files) {
  const gz = gzipSync(readFileSync(new URL(f, dist))).length
  if (f.endsWith('.js')) js += gz
  else css += gz
}
const h = gzipSync(html).length
const kb = (n) => (n / 1024).toFixed(1) + ' kB'
console.log(`first load: ${files.length + 1} files, gzip ${kb(js + css + h)} (js ${kb(js)}, css ${kb(css)}, html ${kb(h)})`)
