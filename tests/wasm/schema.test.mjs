// The dyad/1 JSON Schema (docs/dyad-1.schema.json) against real output and broken files.
//
// node --test tests/wasm/schema.test.mjs
//   DYAD_MODULE=<built dyad.js>  also checks the wasm module's extract / validate / normalize
//   DYAD_CLI=<built dyad binary> also checks `dyad extract` and `dyad extract --jsonl`
// Without either, only the fixtures and the dev set are checked against the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const data = path.join(root, 'tests', 'data');
const require = createRequire(import.meta.url);

const schema = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'dyad-1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateSchema = ajv.compile(schema);

// The error record of `dyad extract --jsonl` for a line that failed.
const validateErrorRecord = ajv.compile({
  type: 'object',
  required: ['schema', 'line', 'id', 'error', 'code'],
  properties: {
    schema: { const: 'dyad/1-error' },
    line: { type: 'integer', minimum: 1 },
    id: true,  // the input's id, any JSON value, or null
    error: { type: 'string', minLength: 1 },
    code: { type: 'string', minLength: 1 },
  },
});

// Texts exercising every offset convention: accents, curly quotes, CRLF, NBSP, emoji and other
// astral characters, Arabic script, and a wire-style paragraph for the extractor.
const texts = [
  '',
  'Çavuşoğlu met Bayramov in Baku — “warm talks”.',
  'Line one.\r\nBayramov\u00a0met Fidan.\r\n',
  '😀 Iran 🇦🇿 and Azerbaijan 👩🏽‍💻 agreed on 𝒳.',
  'وزير الخارجية الإيراني met the “Iranian side” in Tehran.',
  'BAKU, March 12 (dyad) — Azerbaijan and Iran agreed on Thursday to reopen the border crossing. ' +
    'Foreign Minister Jeyhun Bayramov hosted his Iranian counterpart, Abbas Araghchi. He said Tehran was ready. ' +
    'The U.S. State Department did not comment, and Russia’s foreign ministry accused NATO of meddling.',
];

function listJson(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
}

function brokenFixtures() {
  const rows = fs.readFileSync(path.join(data, 'json', 'broken', 'expected.tsv'), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  return rows.map(([file, code, pointer, schemaRejects, js]) => ({ file, code, pointer, schemaRejects: schemaRejects === 'yes', js: js === 'yes' }));
}

function schemaErrors(doc) {
  return validateSchema(doc) ? '' : ajv.errorsText(validateSchema.errors, { separator: '\n' });
}

// Every span's utf16 offsets index the JS string exactly where its code points do.
function checkUtf16(doc) {
  const spans = [...doc.sentences, ...doc.tokens, ...doc.mentions, ...doc.relations.map((r) => r.trigger)];
  const codePoints = Array.from(doc.text);
  for (const s of spans) {
    assert.equal(doc.text.slice(s.utf16[0], s.utf16[1]), s.text);
    assert.equal(codePoints.slice(s.start, s.end).join(''), s.text);
  }
}

function withoutGenerator(doc) {
  const copy = structuredClone(doc);
  delete copy.generator;
  return copy;
}

test('the schema accepts every valid fixture and every dev set gold file', () => {
  const files = [...listJson(path.join(data, 'json', 'valid')), ...listJson(path.join(data, 'dev'))];
  assert.ok(files.length >= 4);
  for (const file of files) {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(schemaErrors(doc), '', file);
    checkUtf16({ sentences: [], tokens: [], mentions: [], relations: [], ...doc });
  }
});

test('the complete example in docs/json-schema.md is valid, for the schema and for dyad', async () => {
  const markdown = fs.readFileSync(path.join(root, 'docs', 'json-schema.md'), 'utf8');
  const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]).filter((b) => b.includes('"schema": "dyad/1"'));
  assert.equal(blocks.length, 1);
  const doc = JSON.parse(blocks[0]);
  assert.equal(schemaErrors(doc), '');
  checkUtf16(doc);
  if (modulePath) {
    const dyad = await loadModule();
    assert.equal(JSON.parse(dyad.validate(blocks[0])).ok, true);
  }
  if (cliPath) {
    const r = runCli(['validate', '-'], blocks[0]);
    assert.equal(r.status, 0, r.stderr);
  }
});

test('the schema rejects every broken fixture whose defect a JSON Schema can see', () => {
  const seen = new Set();
  for (const { file, schemaRejects } of brokenFixtures()) {
    if (!schemaRejects || seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(path.join(data, 'json', 'broken', file), 'utf8');
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      continue;  // not JSON at all: rejected before any schema
    }
    assert.equal(validateSchema(doc), false, `${file} should be rejected by the schema`);
  }
  assert.ok(seen.size >= 30, `only ${seen.size} schema-detectable fixtures`);
});

test('the schema rejects typical mistakes of hand-written files', () => {
  const base = JSON.parse(fs.readFileSync(path.join(data, 'json', 'valid', 'full.json'), 'utf8'));
  const cases = {
    'string offsets': (d) => { d.mentions[0].start = '0'; },
    'fractional offsets': (d) => { d.mentions[0].end = 9.5; },
    'utf16 with three numbers': (d) => { d.mentions[0].utf16 = [0, 9, 9]; },
    'null text': (d) => { d.text = null; },
    'provenance as a string': (d) => { d.actors[0].provenance = 'auto'; },
    'status in capitals': (d) => { d.actors[0].status = 'ACCEPTED'; },
    'members of numbers': (d) => { d.mentions[3].members = [1, 2]; },
    'ASSAULT as verbal conflict': (d) => { d.relations[0].type = 'ASSAULT'; d.relations[0].cameo = '190'; },
    'REQUEST with an 02 code but wrong quad': (d) => { d.relations[0].type = 'REQUEST'; d.relations[0].cameo = '020'; },
    'a non-object root': () => [],
  };
  for (const [name, mutate] of Object.entries(cases)) {
    const doc = structuredClone(base);
    const replaced = mutate(doc);
    assert.equal(validateSchema(replaced ?? doc), false, name);
  }
  const ok = structuredClone(base);
  ok.relations[0].type = 'REQUEST';
  ok.relations[0].cameo = '020';
  ok.relations[0].quad = 'VERBAL_CONFLICT';
  assert.equal(schemaErrors(ok), '');
});

const modulePath = process.env.DYAD_MODULE;
let dyadModule;
async function loadModule() {
  if (!dyadModule) dyadModule = await require(path.resolve(modulePath))();
  return dyadModule;
}

test('real output of the wasm module validates against the schema', { skip: !modulePath && 'DYAD_MODULE not set' }, async () => {
  const dyad = await loadModule();
  for (const text of texts) {
    for (const json of [dyad.extract(text), dyad.extractPretty(text)]) {
      const doc = JSON.parse(json);
      assert.equal(schemaErrors(doc), '', text);
      assert.equal(doc.text, text);
      checkUtf16(doc);
      assert.equal(JSON.parse(dyad.validate(json)).ok, true);
    }
  }
});

test('the wasm module refuses every broken fixture with its diagnostic and JSON pointer', { skip: !modulePath && 'DYAD_MODULE not set' }, async () => {
  const dyad = await loadModule();
  for (const { file, code, pointer, js } of brokenFixtures()) {
    if (!js) continue;  // bytes that are not UTF-8 cannot travel in a JS string
    const result = JSON.parse(dyad.validate(fs.readFileSync(path.join(data, 'json', 'broken', file), 'utf8')));
    assert.equal(result.ok, false, file);
    assert.ok(result.diagnostics.some((d) => d.code === code && d.path === pointer && d.severity === 'error'),
      `${file}: expected ${code} at "${pointer}", got ${JSON.stringify(result.diagnostics.map((d) => [d.code, d.path]))}`);
    assert.equal(dyad.normalize(fs.readFileSync(path.join(data, 'json', 'broken', file), 'utf8')), '', file);
  }
});

test('the wasm module writes valid files back with the same content, byte-identically the second time', { skip: !modulePath && 'DYAD_MODULE not set' }, async () => {
  const dyad = await loadModule();
  for (const file of [...listJson(path.join(data, 'json', 'valid')), ...listJson(path.join(data, 'dev'))]) {
    const original = fs.readFileSync(file, 'utf8');
    const once = dyad.normalize(original);
    assert.notEqual(once, '', file);
    assert.equal(dyad.normalize(once), once, file);
    assert.equal(schemaErrors(JSON.parse(once)), '', file);
    const expected = JSON.parse(original);
    for (const key of ['meta', 'sentences', 'tokens', 'actors', 'mentions', 'relations', 'diagnostics']) {
      if (!(key in expected)) continue;
      assert.deepEqual(JSON.parse(once)[key], expected[key], `${file} ${key}`);
    }
  }
});

const cliPath = process.env.DYAD_CLI;

function runCli(args, input) {
  const r = spawnSync(cliPath, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

test('real output of the CLI validates against the schema', { skip: !cliPath && 'DYAD_CLI not set' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-schema-'));
  try {
    texts.forEach((text, i) => {
      const file = path.join(dir, `t${i}.txt`);
      fs.writeFileSync(file, text);
      for (const args of [['extract', file], ['extract', file, '--pretty'], ['extract', '-', '--no-tokens']]) {
        const r = runCli(args, args.includes('-') ? text : undefined);  // stdin only when read: else EPIPE
        assert.equal(r.status, 0, r.stderr);
        const doc = JSON.parse(r.stdout);
        assert.equal(schemaErrors(doc), '', `${args.join(' ')}: ${text}`);
        assert.equal(doc.text, text);
        checkUtf16(doc);
      }
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('every record of `dyad extract --jsonl` is a valid dyad/1 document or error record', { skip: !cliPath && 'DYAD_CLI not set' }, () => {
  const lines = [
    JSON.stringify(texts[1]),
    JSON.stringify({ id: 'a-1', text: texts[3], title: 'Emoji', source: { feed: 'x' } }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 7, text: texts[4], meta: { date: '2026-03-12', desk: 'ME' } }),
    JSON.stringify({ id: 'no-text' }),
    JSON.stringify(texts[5]),
  ];
  const r = runCli(['extract', '--jsonl', '-'], lines.join('\n') + '\n');
  assert.equal(r.status, 1, 'a failed line makes the exit code 1');
  const records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(records.length, lines.length);
  records.forEach((rec, i) => {
    if (rec.schema === 'dyad/1-error') {
      assert.ok(validateErrorRecord(rec), ajv.errorsText(validateErrorRecord.errors));
      assert.equal(rec.line, i + 1);
    } else {
      assert.equal(schemaErrors(rec), '', `record ${i + 1}`);
      checkUtf16(rec);
    }
  });
  assert.deepEqual(records.map((x) => x.schema), ['dyad/1', 'dyad/1', 'dyad/1-error', 'dyad/1', 'dyad/1-error', 'dyad/1']);
  assert.equal(records[1].id, 'a-1');
  assert.deepEqual(records[1].source, { feed: 'x' });
  assert.equal(records[1].meta.title, 'Emoji');
  assert.equal(records[2].id, null);  // the line is not JSON: its id cannot be known
  assert.equal(records[3].id, 7);
  assert.equal(records[3].meta.desk, 'ME');
  assert.equal(records[4].id, 'no-text');
});

test('the CLI and the wasm module write identical JSON for the same text', { skip: !(cliPath && modulePath) && 'needs DYAD_CLI and DYAD_MODULE' }, async () => {
  const dyad = await loadModule();
  for (const text of texts) {
    const r = runCli(['extract', '-'], text);
    assert.equal(r.stdout, dyad.extract(text), text);
  }
});
