// Writes a gzip copy beside each compressible file of the build (dist/), which
// `yilian serve` sends to browsers that accept gzip: the server then compresses nothing
// at run time, and a phone on a slow connection downloads about a third of the bytes.
//   node scripts/precompress.mjs [dist]
import { readdir, readFile, writeFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync, constants } from 'node:zlib'

const DIST = resolve(import.meta.dirname, '..', process.argv[2] || 'dist')
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|webmanifest|txt)$/
const MIN_BYTES = 1024

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else yield path
  }
}

let count = 0, raw = 0, packed = 0
for await (const path of files(DIST)) {
  if (!COMPRESSIBLE.test(path) || (await stat(path)).size < MIN_BYTES) continue
  const bytes = await readFile(path)
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })
  if (gz.length >= bytes.length) continue
  await writeFile(path + '.gz', gz)
  count += 1
  raw += bytes.length
  packed += gz.length
}
console.log(`precompress: ${count} files, ${(raw / 1024).toFixed(0)} KB → ${(packed / 1024).toFixed(0)} KB gzip`)
