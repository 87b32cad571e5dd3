// wasm under node: createDyad().extract on the benchmark articles, and the npm package
// `compromise` (people, places, organizations) on the same texts in the same process.
// Usage: node --no-experimental-fetch bench/node_bench.mjs MODULE.js CORPUS_DIR OUT.json
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const [modulePath, corpusDir, outPath] = process.argv.slice(2);
const createDyad = require(modulePath);
const nlp = require('compromise');

const sizes = [1000, 10000, 100000, 1000000];
// compromise builds a full object graph per term; above 100k words it needs minutes and
// gigabytes, so the comparison stops there (stated in the report).
const compromiseMax = 100000;

function timeIt(fn, minMs = 1500, maxRuns = 50) {
  // Warm-up: V8 first runs wasm in its baseline tier and optimises in the background, and the
  // heap grows on the first large inputs; steady state is what a page doing many pastes sees.
  const warm = performance.now();
  do fn(); while (performance.now() - warm < 300);
  const times = [];
  const start = performance.now();
  while (times.length < 3 || (performance.now() - start < minMs && times.length < maxRuns)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median_ms: times[times.length >> 1], min_ms: times[0], runs: times.length };
}

// Median and min of the last `runs` entries (timeIt's warm-up calls are recorded too).
function summary(all, runs) {
  const t = all.slice(-runs).sort((a, b) => a - b);
  return { median_ms: t[t.length >> 1], min_ms: t[0] };
}

const results = [];
for (const words of sizes) {
  const file = `${corpusDir}/${words}w.txt`;
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  // A fresh module per size, so the heap size reported is what this article needed.
  const dyad = await createDyad();
  const bytes = Buffer.byteLength(text);
  let tokens = 0, mentions = 0, jsonChars = 0;
  // The call and the JSON.parse a caller does with its result, timed apart in the same runs:
  // extract() = text into the heap + extraction + to_json + the JSON string back into JS.
  const callMs = [], parseMs = [];
  const d = timeIt(() => {
    const t0 = performance.now();
    const json = dyad.extract(text);
    const t1 = performance.now();
    const doc = JSON.parse(json);
    callMs.push(t1 - t0);
    parseMs.push(performance.now() - t1);
    jsonChars = json.length;
    tokens = doc.tokens.length;
    mentions = doc.mentions.length;
  }, words >= 1000000 ? 1 : 1500, words >= 1000000 ? 3 : 50);
  const heapBytes = dyad.HEAPU8.length;
  // The same with extract(text, {tokens: false}) (as `dyad extract --no-tokens`): callers that
  // want actors and events, not a tokenisation, get about half the JSON to decode and parse.
  const lean = timeIt(() => { JSON.parse(dyad.extract(text, { tokens: false })); },
                      words >= 1000000 ? 1 : 1500, words >= 1000000 ? 3 : 50);
  const row = { words, bytes, tokens, mentions, json_chars: jsonChars, dyad: d, call: summary(callMs, d.runs), parse: summary(parseMs, d.runs),
                dyad_mb_s: bytes / 1e6 / (d.median_ms / 1e3),
                dyad_tokens_s: tokens / (d.median_ms / 1e3), wasm_heap_bytes: heapBytes, lean };
  if (words <= compromiseMax) {
    let terms = 0, ents = 0;
    const c = timeIt(() => {
      const doc = nlp(text);
      terms = doc.terms().length;
      ents = doc.people().length + doc.places().length + doc.organizations().length;
    }, 1500, words >= 100000 ? 3 : 20);
    row.compromise = c;
    row.compromise_terms = terms;
    row.compromise_entities = ents;
    row.compromise_tokens_s = terms / (c.median_ms / 1e3);
    row.speedup_tokens_s = row.dyad_tokens_s / row.compromise_tokens_s;
    row.speedup_time = c.median_ms / d.median_ms;
    row.speedup_tokens_s_lean = (tokens / (lean.median_ms / 1e3)) / row.compromise_tokens_s;
  }
  results.push(row);
  console.error(`wasm ${words} words: ${d.median_ms.toFixed(2)} ms` + (row.compromise ? `, compromise ${row.compromise.median_ms.toFixed(1)} ms` : ''));
}
// The heap target is stated for a 1 MB article: the first paragraphs of the 1M-word text up to 1 MB.
{
  const big = readFileSync(`${corpusDir}/1000000w.txt`, 'utf8');
  const cut = big.lastIndexOf('\n\n', 1000000);
  const text = big.slice(0, cut);
  const dyad = await createDyad();
  const t0 = performance.now();
  const doc = JSON.parse(dyad.extract(text));
  const ms = performance.now() - t0;
  results.oneMegabyte = { bytes: Buffer.byteLength(text), ms, mentions: doc.mentions.length, wasm_heap_bytes: dyad.HEAPU8.length };
  console.error(`wasm 1 MB article: ${ms.toFixed(1)} ms, heap ${(dyad.HEAPU8.length / 2 ** 20).toFixed(0)} MB`);
}
writeFileSync(outPath, JSON.stringify({ node: process.version, results, one_megabyte: results.oneMegabyte }, null, 2));
