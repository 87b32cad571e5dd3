// Renders build/bench/*.json into docs/benchmarks.md. Usage: node bench/report.mjs BENCH_DIR OUT.md
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';

const [dir, outPath] = process.argv.slice(2);
const load = (f) => (existsSync(`${dir}/${f}`) ? JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) : null);
const sh = (c) => { try { return execSync(c, { encoding: 'utf8' }).trim(); } catch { return '?'; } };
const fmt = (x, d = 2) => (x === undefined || x === null || Number.isNaN(x) ? '–' : Number(x).toFixed(d));
const words = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : `${n}`);

const L = [];
const commit = sh('git rev-parse --short HEAD') + (sh('git status --porcelain') ? ' (+ uncommitted changes)' : '');
L.push('# Benchmarks', '');
L.push('Written by `make bench` (bench/run) from fresh runs. Do not edit by hand; rerun instead.', '');
L.push(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
L.push(`- commit: ${commit}`);
L.push(`- machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${sh('uname -sr')}`);
L.push(`- compilers: ${sh('g++ --version | head -1')}; ${sh('em++ --version | head -1')}; node ${process.version}`);
L.push('- corpus: articles composed from the dev set (tests/data/dev/*.txt) by bench/corpus.cpp, fixed seed', '');

const targets = [];
const native = load('native.json');
const byName = {};
if (native) {
  L.push('## Native pipeline stages (Google Benchmark, one core)', '');
  L.push('Stages are measured through the public API; a stage costs the difference between two rows', '(text layer = UTF-8 repair + sentences + tokens; + mentions and actors; + relations = whole pipeline).', '');
  L.push('| benchmark | words | ms / run | MB/s | tokens/s |', '|---|---:|---:|---:|---:|');
  for (const b of native.benchmarks) {
    const [name, arg] = b.name.split('/');
    const n = Number(arg);
    (byName[name] ??= {})[n] = b;
    const mbs = b.bytes_per_second ? b.bytes_per_second / 1e6 : undefined;
    L.push(`| ${name.replace('BM_', '')} | ${words(n)} | ${fmt(b.real_time, 3)} | ${fmt(mbs, 1)} | ${b['tokens/s'] ? fmt(b['tokens/s'] / 1e6, 2) + ' M' : '–'} |`);
  }
  L.push('');
}

const mem = existsSync(`${dir}/memory.tsv`) ? readFileSync(`${dir}/memory.tsv`, 'utf8').trim().split('\n').map((l) => l.split('\t').map(Number)) : [];
if (mem.length) {
  L.push('## Cost curve: `dyad extract FILE --no-tokens` (whole process: read, extract, write JSON)', '');
  L.push('| words | bytes | seconds | µs per KB | peak RSS (MB) | RSS / input |', '|---:|---:|---:|---:|---:|---:|');
  for (const [n, bytes, secs, rssKb] of mem)
    L.push(`| ${words(n)} | ${bytes} | ${fmt(secs, 2)} | ${fmt((secs * 1e6) / (bytes / 1024), 1)} | ${fmt(rssKb / 1024, 1)} | ${fmt((rssKb * 1024) / bytes, 1)}× |`);
  L.push('', '`/usr/bin/time` has 10 ms resolution, so the small sizes show process start-up, not extraction; the Google Benchmark rows above are the precise per-size times.', '');
}

// Same harness natively and in wasm (bench/stage_bench.cpp): like-for-like stage times.
const stagesNative = load('stages_native.json'), stagesWasm = load('stages_wasm.json');
const stageRatio = {};  // "file|stage" -> { nat, wasm }
if (stagesNative && stagesWasm) {
  L.push('## Native and wasm, stage by stage (one harness: bench/stage_bench.cpp, g++ and em++)', '');
  L.push('Wall-clock per run after warm-up, median (min). wasm runs under node, linked like the module. A stage costs the', 'difference between two rows; `to_json` writes the whole document (tokens included); `extract_to_json` is what the', 'module\'s `extract()` computes before its result crosses into JS.', '');
  L.push('| article | stage | native ms | wasm ms | wasm speed ÷ native |', '|---|---|---:|---:|---:|');
  for (const n of stagesNative.stages) {
    const w = stagesWasm.stages.find((x) => x.file === n.file && x.stage === n.stage);
    if (!w) continue;
    stageRatio[`${n.file}|${n.stage}`] = { nat: n, wasm: w };
    L.push(`| ${n.file} (${n.bytes} B) | ${n.stage} | ${fmt(n.median_ms, 3)} (${fmt(n.min_ms, 3)}) | ${fmt(w.median_ms, 3)} (${fmt(w.min_ms, 3)}) | ${fmt(n.median_ms / w.median_ms, 2)}× |`);
  }
  L.push('');
}

const node = load('node.json');
if (node) {
  L.push('## WebAssembly under node, and compromise on the same texts', '');
  L.push(`node ${node.node}; wasm = \`createDyad().extract(text)\` including the JSON string crossing into JS and \`JSON.parse\`; compromise = \`nlp(text)\` + people/places/organizations.`, '');
  L.push('Median of the timed runs after warm-up (min in parentheses); `extract()` = text into the heap, extraction, JSON', 'writing and the JSON string back into JS; MB/s and the ratio to native (Google Benchmark `whole_pipeline`, which', 'writes no JSON) use extract() + JSON.parse.', '');
  L.push('| words | extract() ms | JSON.parse ms | total ms | wasm MB/s | native MB/s | wasm / native | wasm heap (MB) | compromise ms | dyad tokens/s ÷ compromise terms/s |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of node.results) {
    const nat = byName.BM_whole_pipeline?.[r.words];
    const natMbs = nat?.bytes_per_second ? nat.bytes_per_second / 1e6 : undefined;
    r.ratio = natMbs ? r.dyad_mb_s / natMbs : undefined;
    const part = (t) => (t ? `${fmt(t.median_ms, 2)} (${fmt(t.min_ms, 2)})` : '–');
    L.push(`| ${words(r.words)} | ${part(r.call)} | ${part(r.parse)} | ${part(r.dyad)} | ${fmt(r.dyad_mb_s, 1)} | ${fmt(natMbs, 1)} | ${fmt(r.ratio, 2)} | ${fmt(r.wasm_heap_bytes / 2 ** 20, 0)} | ${r.compromise ? fmt(r.compromise.median_ms, 1) : 'not run'} | ${r.speedup_tokens_s ? fmt(r.speedup_tokens_s, 1) + '×' : '–'} |`);
  }
  L.push('', 'compromise is not run above 100k words (minutes and gigabytes per call).', '');
  if (node.results.some((r) => r.lean)) {
    L.push('Without the token list: `extract(text, {tokens: false})` + `JSON.parse` (as `dyad extract --no-tokens`; actors,',
           'mentions, relations and sentences are the same):', '');
    L.push('| words | total ms | dyad tokens/s ÷ compromise terms/s |', '|---:|---:|---:|');
    for (const r of node.results) {
      if (!r.lean) continue;
      L.push(`| ${words(r.words)} | ${fmt(r.lean.median_ms, 2)} (${fmt(r.lean.min_ms, 2)}) | ${r.speedup_tokens_s_lean ? fmt(r.speedup_tokens_s_lean, 1) + '×' : '–'} |`);
    }
    L.push('');
  }
}

const browser = load('browser.json');
if (browser) {
  L.push('## Browser (headless Chromium, SwiftShader WebGL2, from bench/browser_bench.mjs)', '');
  for (const [k, v] of Object.entries(browser.metrics ?? {})) L.push(`- ${k}: ${typeof v === 'number' ? fmt(v, 1) : v}`);
  L.push('');
}

const dev = load('dev_eval.json');
if (dev) {
  L.push('## Quality on the dev set (`dyad eval --extract tests/data/dev`)', '');
  L.push('```json', JSON.stringify(dev.summary ?? dev, null, 1).slice(0, 6000), '```', '');
}
for (const [f, title] of [['peers.json', 'Peer suites (tools/peers)'], ['uner.json', 'UNER English-PUD news half (tools/uner)']]) {
  const j = load(f);
  if (!j) continue;
  L.push(`## ${title}`, '', '```json', JSON.stringify(j.summary ?? j, null, 1).slice(0, 6000), '```', '');
}

// Targets from the issues, checked against the numbers above.
const wp = byName.BM_whole_pipeline ?? {};
const mbs1k = wp[10000]?.bytes_per_second / 1e6;
if (mbs1k) targets.push(['whole pipeline ≥ 5 MB/s per core natively (10k words)', fmt(mbs1k, 1) + ' MB/s', mbs1k >= 5]);
const w1k = node?.results.find((r) => r.words === 1000);
if (w1k) targets.push(['1,000-word article < 2 ms in wasm (extract() + JSON.parse, median)', fmt(w1k.dyad.median_ms, 2) + ' ms', w1k.dyad.median_ms < 2]);
const w10k = node?.results.find((r) => r.words === 10000);
const same = stageRatio['10000w.txt|whole_pipeline'];
if (same) {
  const r = same.nat.median_ms / same.wasm.median_ms;
  targets.push(['wasm ≥ 0.5× native (10k words, whole pipeline, same harness)', fmt(r, 2) + '×', r >= 0.5]);
}
const api = stageRatio['10000w.txt|extract_to_json'];
if (api && w10k) {
  const r = api.nat.median_ms / w10k.dyad.median_ms;
  targets.push(['wasm module call + JSON.parse ≥ 0.5× native extract + to_json (10k words)', fmt(r, 2) + '×', r >= 0.5]);
}
if (!same && w10k?.ratio) targets.push(['wasm ≥ 0.5× native (10k words)', fmt(w10k.ratio, 2) + '×', w10k.ratio >= 0.5]);
if (w10k?.speedup_tokens_s) targets.push(['≥ 30× the tokens/s of compromise (10k words, full JSON with tokens)', fmt(w10k.speedup_tokens_s, 1) + '×', w10k.speedup_tokens_s >= 30]);
if (w10k?.speedup_tokens_s_lean) targets.push(['≥ 30× the tokens/s of compromise (10k words, `{tokens: false}`)', fmt(w10k.speedup_tokens_s_lean, 1) + '×', w10k.speedup_tokens_s_lean >= 30]);
if (w1k?.lean) targets.push(['1,000-word article < 2 ms in wasm (`{tokens: false}` + JSON.parse, median)', fmt(w1k.lean.median_ms, 2) + ' ms', w1k.lean.median_ms < 2]);
const mb = node?.one_megabyte;
if (mb) {
  const heap = mb.wasm_heap_bytes / 2 ** 20;
  targets.push([`wasm heap ≤ 64 MB for a 1 MB article (${mb.bytes} bytes, extract ${fmt(mb.ms, 0)} ms)`, fmt(heap, 0) + ' MB', heap <= 64]);
}
if (targets.length) {
  L.push('## Targets', '', '| target | measured | met |', '|---|---:|:---:|');
  for (const [t, m, ok] of targets) L.push(`| ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`);
  L.push('');
}
writeFileSync(outPath, L.join('\n'));
