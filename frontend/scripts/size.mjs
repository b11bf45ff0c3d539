// Prints the gzipped size of the JavaScript a first page load fetches (the entry script and the
// chunks it preloads, as index.html names them) and fails when it is over the budget.
// Usage: npm run build && npm run size [-- budgetKB]
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'src', 'ServiceBot.Server', 'wwwroot');
const budgetKb = Number(process.argv[2] ?? 250);

const html = readFileSync(join(out, 'index.html'), 'utf8');
const refs = new Set();
for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) refs.add(m[1]);

let raw = 0;
let gz = 0;
for (const ref of refs) {
  const bytes = readFileSync(join(out, ref.replace(/^\//, '')));
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  console.log(`${ref}: ${(bytes.length / 1024).toFixed(1)} KB, gzip ${(g / 1024).toFixed(1)} KB`);
}
console.log(`first-load JS: ${(raw / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB (budget ${budgetKb} KB)`);
if (gz / 1024 > budgetKb) {
  console.error('over budget');
  process.exit(1);
}
