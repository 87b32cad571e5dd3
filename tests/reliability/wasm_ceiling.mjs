// How large a text the JS module handles: time, JSON length and wasm heap of dyad.extract()
// for growing texts (the browser table in docs/reliability.md). Each size runs in a fresh
// module, since an abort leaves the module unusable.
//   DYAD_MODULE=build/wasm/web/dyad.js node tests/reliability/wasm_ceiling.mjs [news|dense|letters] [MiB...]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const createDyad = require(process.env.DYAD_MODULE);
const kind = process.argv[2] || 'news';
const sizes = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [4, 8, 12, 16];

const news = [
  'Foreign Minister Jeyhun Bayramov met his Iranian counterpart, Abbas Araghchi, in Baku on Tuesday. ',
  '“The page of mistrust has been turned,” Bayramov told reporters at a joint news conference. ',
  'Iran’s foreign ministry summoned the British ambassador — the third time this year.\n\n',
  'U.S. Secretary of State Antony Blinken said Washington would not lift sanctions on Tehran. ',
];

/** `bytes` of UTF-8 text of the chosen kind (cut on a character boundary). */
function text(bytes) {
  let t = '';
  if (kind === 'news') for (let i = 0; Buffer.byteLength(t) < bytes; i++) t += news[i % news.length].repeat(100);
  else if (kind === 'dense') t = 'Iran and Azerbaijan held talks in Baku. '.repeat(Math.ceil(bytes / 40));
  else t = 'a '.repeat(Math.ceil(bytes / 2));
  const buf = Buffer.from(t).subarray(0, bytes);
  return new TextDecoder().decode(buf).replace(/\uFFFD$/, ' ');
}

console.log('| text | extract time | JSON returned | wasm heap after |');
console.log('|---|---|---|---|');
for (const mib of sizes) {
  const dyad = await createDyad();
  const t = text(Math.floor(mib * 1024 * 1024));
  const t0 = performance.now();
  let row;
  try {
    const json = dyad.extract(t);
    // A refusal is a short document whose error says why (text.output_too_large, text.too_large).
    const errors = json.length < 1e6 ? JSON.parse(json).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code) : [];
    const result = errors.length ? `refused: \`${errors.join(', ')}\`` : `${(json.length / 1e6).toFixed(0)} M characters`;
    row = `${((performance.now() - t0) / 1000).toFixed(1)} s | ${result} | ${(dyad.HEAP8.length / 1e9).toFixed(2)} GB`;
  } catch (e) {
    row = `${e.name}: ${String(e.message).slice(0, 70)} | | `;
  }
  console.log(`| ${kind}, ${mib} MiB | ${row} |`);
}
