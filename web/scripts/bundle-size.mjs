// Prints the size of what a first visit loads: the files index.html names (entry script,
// preloaded chunks, style sheets), raw and gzipped, and every lazily loaded chunk beside.
// Usage: node scripts/bundle-size.mjs [build directory]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'target/classes/META-INF/zhongtai-web';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const size = (file) => {
  const bytes = readFileSync(join(dir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let raw = 0;
let gzip = 0;
console.log('first load (index.html and what it names):');
for (const file of initial) {
  const s = size(file);
  raw += s.raw;
  gzip += s.gzip;
  console.log(`  ${file.padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzipped`);
}
console.log(`  ${'total'.padEnd(48)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzipped`);
console.log('loaded on demand:');
for (const file of readdirSync(join(dir, 'static')).sort()) {
  if (initial.includes(`static/${file}`) || !file.endsWith('.js')) continue;
  const s = size(`static/${file}`);
  console.log(`  ${('static/' + file).padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzipped`);
}
console.log(`MAIN_BUNDLE_GZIP_BYTES=${gzip}`);
