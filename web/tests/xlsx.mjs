// Reads the cell texts of an xlsx file's first sheet (shared and inline strings), for
// tests that check what a download says. Uses Debian's unzip; not a test file itself.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Every string cell of the workbook, in the order the shared-string table holds them. */
export async function xlsxStrings(path) {
  const { stdout } = await run('unzip', ['-p', path, 'xl/sharedStrings.xml'], { maxBuffer: 64 << 20 }).catch(() => ({ stdout: '' }))
  const out = [...stdout.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1])
  const { stdout: sheet } = await run('unzip', ['-p', path, 'xl/worksheets/sheet1.xml'], { maxBuffer: 64 << 20 })
  out.push(...[...sheet.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]))
  return out.map((t) => t.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"'))
}
