// The bad-input corpus (tests/reliability/cases.tsv and inputs/) through the embind module, as a
// page or a node user calls it: extract, validate and normalize never throw on a string, give
// the same diagnostics (code and JSON pointer) as the CLI, and the size limits hold in bounded time.
// Env: DYAD_MODULE = path of the built dyad.js, DYAD_REPO = repository root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const createDyad = require(process.env.DYAD_MODULE);
const dyad = await createDyad();

const repo = process.env.DYAD_REPO;
const inputs = path.join(repo, 'tests', 'reliability', 'inputs');
const kMaxTextBytes = 16 * 1024 * 1024;

/** Rows of cases.tsv as objects; "-" fields become "". */
function cases() {
  const rows = [];
  const text = readFileSync(path.join(repo, 'tests', 'reliability', 'cases.tsv'), 'utf8');
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t').map((x) => (x === '-' ? '' : x));
    const [name, mode, input, exit, code, jpath] = f;
    rows.push({ name, mode, input, exit: Number(exit), code, jpath });
  }
  return rows;
}

/** Bytes -> the string a page gets from a pasted or dropped file (invalid UTF-8 -> U+FFFD). */
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function isValidUtf8(bytes) {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Every span of a document covers exactly its "text", in code points and in UTF-16 units. */
function checkSpans(doc) {
  const text = doc.text;
  const cps = Array.from(text);
  const spans = [...doc.sentences, ...doc.tokens, ...doc.mentions];
  for (const r of doc.relations) spans.push(r.trigger);
  for (const s of spans) {
    assert.ok(s.start <= s.end && s.end <= cps.length, `span [${s.start}, ${s.end}) outside ${cps.length} code points`);
    assert.equal(cps.slice(s.start, s.end).join(''), s.text);
    assert.equal(text.slice(s.utf16[0], s.utf16[1]), s.text);
  }
}

function extractChecked(text) {
  let json;
  assert.doesNotThrow(() => { json = dyad.extract(text); });
  const doc = JSON.parse(json);
  assert.equal(doc.schema, 'dyad/1');
  return { json, doc };
}

function hasDiagnostic(diags, code, jpath) {
  return diags.some((d) => d.code === code && (!jpath || d.path === jpath));
}

const all = cases();

test('every text of the corpus extracts without throwing, keeps the text, and its JSON validates', () => {
  const rows = all.filter((c) => c.mode.startsWith('extract') && !c.input.startsWith('gen/') && c.input.startsWith('text/'));
  assert.ok(rows.length >= 20);
  for (const c of rows) {
    const bytes = readFileSync(path.join(inputs, c.input));
    const text = lenient.decode(bytes);
    const { json, doc } = extractChecked(text);
    assert.equal(doc.text, text, c.name);
    checkSpans(doc);
    const v = JSON.parse(dyad.validate(json));
    assert.equal(v.ok, true, `${c.name}: ${JSON.stringify(v.diagnostics.slice(0, 3))}`);
    assert.equal(dyad.normalize(json), json, `${c.name}: normalize changes extract's output`);
    // JS strings cannot carry invalid UTF-8: the page's decoder already replaced it, as the
    // core does, so both paths give the same text.
    assert.ok(!hasDiagnostic(doc.diagnostics, 'utf8.invalid'), c.name);
  }
});

test('every JSON of the corpus gives the CLI\'s verdict and diagnostic (code and JSON pointer)', () => {
  const rows = all.filter((c) => c.mode === 'validate' && c.input.startsWith('json/'));
  assert.ok(rows.length >= 40);
  for (const c of rows) {
    const bytes = readFileSync(path.join(inputs, c.input));
    let out;
    assert.doesNotThrow(() => { out = dyad.validate(lenient.decode(bytes)); }, c.name);
    const r = JSON.parse(out);
    if (!isValidUtf8(bytes)) {
      // The string the module sees was already repaired by the decoder: only no-throw applies.
      continue;
    }
    assert.equal(r.ok, c.exit === 0, `${c.name}: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
    if (c.code) assert.ok(hasDiagnostic(r.diagnostics, c.code, c.jpath), `${c.name}: no ${c.code} at ${c.jpath}: ${JSON.stringify(r.diagnostics)}`);
    const normalized = dyad.normalize(lenient.decode(bytes));
    if (!r.ok) {
      assert.equal(normalized, '', c.name);
    } else {
      assert.equal(JSON.parse(dyad.validate(normalized)).ok, true, c.name);
      assert.equal(dyad.normalize(normalized), normalized, c.name);
    }
  }
});

test('JSON nested 10,000 levels deep is refused with json.depth, not a stack overflow', () => {
  for (const deep of ['['.repeat(10000) + ']'.repeat(10000), '{"a":'.repeat(10000) + '1' + '}'.repeat(10000), '['.repeat(10000),
    `{"schema":"dyad/1","text":"x","x":${'['.repeat(10000)}${']'.repeat(10000)}}`]) {
    const r = JSON.parse(dyad.validate(deep));
    assert.equal(r.ok, false);
    assert.ok(hasDiagnostic(r.diagnostics, 'json.depth'), JSON.stringify(r.diagnostics));
    assert.equal(dyad.normalize(deep), '');
  }
});

test('10 MB of text is extracted in bounded time', () => {
  const sentences = [
    'Foreign Minister Jeyhun Bayramov met his Iranian counterpart, Abbas Araghchi, in Baku on Tuesday. ',
    '“The page of mistrust has been turned,” Bayramov told reporters at a joint news conference. ',
    'Iran’s foreign ministry summoned the British ambassador — the third time this year.\n\n',
    'U.S. Secretary of State Antony Blinken said Washington would not lift sanctions on Tehran. ',
  ];
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < 10_000_000; i++) text += sentences[i % sentences.length].repeat(1000);
  const t0 = performance.now();
  const { doc } = extractChecked(text);
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(doc.text.length, text.length);
  assert.ok(!hasDiagnostic(doc.diagnostics, 'text.too_large'));
  assert.ok(doc.sentences.length > 10000);
  console.log(`# extract of ${Buffer.byteLength(text)} bytes: ${seconds.toFixed(2)} s`);
  assert.ok(seconds < 120, `took ${seconds} s`);
});

test('one 200,000-character word is one token', () => {
  for (const word of ['a'.repeat(200000), 'A' + 'a'.repeat(199999), 'д'.repeat(200000)]) {
    const { doc } = extractChecked(word);
    assert.equal(doc.tokens.length, 1);
    assert.equal(doc.tokens[0].end, 200000);
  }
});

test('more than 16 MiB of UTF-8 gives text.too_large and no annotations', () => {
  const unit = 'Iran and Azerbaijan held talks in Baku. ';
  const exact = unit.repeat(Math.ceil(kMaxTextBytes / unit.length)).slice(0, kMaxTextBytes);
  assert.equal(Buffer.byteLength(exact), kMaxTextBytes);
  // The limit is in UTF-8 bytes, not JS characters: 9 Mi "é" is 18 MiB.
  for (const over of [exact + 'x', 'é'.repeat(9 * 1024 * 1024)]) {
    const t0 = performance.now();
    const doc = JSON.parse(dyad.extract(over));
    assert.ok(performance.now() - t0 < 10000);
    assert.equal(doc.text, '');
    assert.equal(doc.mentions.length + doc.tokens.length + doc.sentences.length, 0);
    assert.ok(hasDiagnostic(doc.diagnostics, 'text.too_large'), JSON.stringify(doc.diagnostics));
    assert.equal(doc.diagnostics.find((d) => d.code === 'text.too_large').severity, 'error');
  }
  const r = JSON.parse(dyad.validate(JSON.stringify({ schema: 'dyad/1', text: exact + 'x' })));
  assert.equal(r.ok, false);
  assert.ok(hasDiagnostic(r.diagnostics, 'text.too_large', '/text'));
  const ok = JSON.parse(dyad.validate(JSON.stringify({ schema: 'dyad/1', text: exact })));
  assert.equal(ok.ok, true);
});

test('8 MiB of dense text (one short sentence repeated) gives its whole document', () => {
  const unit = 'Iran and Azerbaijan held talks in Baku. ';
  const text = unit.repeat(Math.ceil((8 * 1024 * 1024) / unit.length)).slice(0, 8 * 1024 * 1024);
  const t0 = performance.now();
  const out = dyad.extract(text);
  console.log(`# extract of 8 MiB dense text: ${((performance.now() - t0) / 1000).toFixed(2)} s, ${out.length} characters of JSON`);
  assert.ok(out.length < 0x1fffffe8);
  assert.ok(out.startsWith('{"schema":"dyad/1"'));
});

test('lone surrogates, NUL and controls in JS strings are carried or replaced, never thrown', () => {
  for (const t of ['\uD800', '\uDFFF\uD800', 'a\u0000b', '\u0000', '\u0001\u001f\u007f\u0085\u2028\u2029', '\uFEFF', '\uFFFE\uFFFF',
    '\u202Eevil\u202C', 'x'.repeat(10) + '\uD83D']) {
    const { doc } = extractChecked(t);
    checkSpans(doc);
    assert.equal(doc.text, t.toWellFormed ? t.toWellFormed() : doc.text);
  }
});

test('a wrong argument type throws a catchable error and the module keeps working', () => {
  for (const bad of [undefined, null, 42, {}, ['x']]) {
    for (const fn of ['extract', 'validate', 'normalize']) {
      try {
        dyad[fn](bad);
      } catch (e) {
        assert.ok(e instanceof Error || typeof e === 'object', `${fn}(${String(bad)}) threw ${typeof e}`);
      }
    }
  }
  const { doc } = extractChecked('Iran and Azerbaijan held talks.');
  assert.equal(doc.text, 'Iran and Azerbaijan held talks.');
});

// Every text up to the limit gives a document or a clear error, never an exception or an abort
// (which would leave the module unusable). The JSON result of dense text passes the longest
// string V8 creates (2^29 - 24 characters) near 11 MiB: the module then answers
// text.output_too_large, found before the JSON is written (so the heap stays under 2 GB).
test('16 MiB of dense text is refused with text.output_too_large, and the module keeps working', () => {
  const unit = 'Iran and Azerbaijan held talks in Baku. ';
  const exact = unit.repeat(Math.ceil(kMaxTextBytes / unit.length)).slice(0, kMaxTextBytes);
  const t0 = performance.now();
  let out;
  assert.doesNotThrow(() => { out = dyad.extract(exact); });
  console.log(`# extract of 16 MiB dense text: ${((performance.now() - t0) / 1000).toFixed(2)} s, wasm heap ${(dyad.HEAP8.length / 1e9).toFixed(2)} GB`);
  const doc = JSON.parse(out);
  assert.equal(doc.text, '');
  assert.equal(doc.tokens.length + doc.mentions.length, 0);
  const d = doc.diagnostics.find((x) => x.code === 'text.output_too_large');
  assert.ok(d, JSON.stringify(doc.diagnostics));
  assert.equal(d.severity, 'error');
  assert.match(d.message, /would be \d+ bytes of JSON, more than the 536870888 characters a JavaScript string can hold/);
  assert.equal(JSON.parse(dyad.validate(out)).ok, true);  // the refusal is valid dyad/1
  assert.ok(dyad.HEAP8.length <= 2 ** 31);
  const small = JSON.parse(dyad.extract('Iran and Azerbaijan held talks.'));
  assert.equal(small.text, 'Iran and Azerbaijan held talks.');
  assert.ok(small.mentions.length >= 2);
});

test('extractPretty refuses a result whose indentation could pass a JS string, and the module keeps working', () => {
  // About 6 MiB of dense text: compact JSON of some 250-300 M bytes fits in a JS string, the
  // indented form would not; it must be refused before it is written (not abort the module).
  const unit = 'Iran and Azerbaijan held talks in Baku. ';
  const text = unit.repeat(Math.ceil((6 << 20) / unit.length));
  let out;
  assert.doesNotThrow(() => { out = dyad.extractPretty(text); });
  const doc = JSON.parse(out);
  assert.equal(doc.text, '');
  const d = doc.diagnostics.find((x) => x.code === 'text.output_too_large');
  assert.ok(d, JSON.stringify(doc.diagnostics));
  assert.match(d.message, /indented result .* use extract\(\) for compact JSON/);
  assert.ok(out.includes('\n  '), 'the refusal itself is indented');
  const small = JSON.parse(dyad.extractPretty('Iran and Azerbaijan held talks.'));
  assert.equal(small.text, 'Iran and Azerbaijan held talks.');
});

test('16 MiB of news-like text, the limit, gives the whole document', () => {
  const sentences = [
    'Foreign Minister Jeyhun Bayramov met his Iranian counterpart, Abbas Araghchi, in Baku on Tuesday. ',
    '“The page of mistrust has been turned,” Bayramov told reporters at a joint news conference. ',
    'Iran’s foreign ministry summoned the British ambassador — the third time this year.\n\n',
    'U.S. Secretary of State Antony Blinken said Washington would not lift sanctions on Tehran. ',
  ];
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < kMaxTextBytes; i++) {
    const p = sentences[i % sentences.length].repeat(100);
    parts.push(p);
    bytes += Buffer.byteLength(p);
  }
  const text = new TextDecoder().decode(Buffer.from(parts.join('')).subarray(0, kMaxTextBytes)).replace(/\uFFFD$/, ' ');
  assert.ok(Buffer.byteLength(text) <= kMaxTextBytes && Buffer.byteLength(text) > kMaxTextBytes - 4);
  const t0 = performance.now();
  let out;
  assert.doesNotThrow(() => { out = dyad.extract(text); });
  console.log(`# extract of 16 MiB news text: ${((performance.now() - t0) / 1000).toFixed(2)} s, ${out.length} characters of JSON`);
  // Not JSON.parse'd whole (it is about 455 M characters): its head, text and tail are checked.
  assert.ok(out.startsWith('{"schema":"dyad/1"'));
  const head = '"text":' + JSON.stringify(text.slice(0, 1000));
  assert.ok(out.includes(head.slice(0, -1)));
  assert.ok(out.trimEnd().endsWith('"diagnostics":[]}'), out.slice(-300));
  assert.ok(!out.includes('"code":"text.output_too_large"'));
});
