// The embind module as a JS user sees it: createDyad() -> { extract, version, validate, normalize }.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const createDyad = require(process.env.DYAD_MODULE);
const dyad = await createDyad();

test('version is the project version', () => {
  assert.match(dyad.version(), /^\d+\.\d+\.\d+$/);
});

test('extract returns dyad/1 JSON holding exactly the input text', () => {
  const text = 'Çavuşoğlu met Bayramov in Baku — “talks” 😀';
  const doc = JSON.parse(dyad.extract(text));
  assert.equal(doc.schema, 'dyad/1');
  assert.equal(doc.text, text);
  for (const key of ['sentences', 'tokens', 'actors', 'mentions', 'relations', 'diagnostics']) {
    assert.ok(Array.isArray(doc[key]), key);
  }
});

test('every span carries code point offsets, UTF-16 offsets and the covered text', () => {
  const text = 'Emoji 😀 then Iran’s foreign minister said “no”.\nAzerbaijan replied.';
  const doc = JSON.parse(dyad.extract(text));
  const cps = Array.from(text);
  const spans = [...doc.sentences, ...doc.tokens, ...doc.mentions];
  for (const s of spans) {
    assert.equal(cps.slice(s.start, s.end).join(''), s.text);
    assert.equal(text.slice(s.utf16[0], s.utf16[1]), s.text);
  }
});

test('lone surrogates from JS become U+FFFD and do not swallow the next character', () => {
  assert.equal(JSON.parse(dyad.extract('a\uD800b')).text, 'a\uFFFDb');
  assert.equal(JSON.parse(dyad.extract('x\uDC00')).text, 'x\uFFFD');
  assert.equal(JSON.parse(dyad.extract('ok 😀')).text, 'ok 😀');
});

test('validate reports problems with JSON pointers; normalize round-trips output', () => {
  const good = dyad.extract('Iran and Azerbaijan held talks.');
  assert.deepEqual(JSON.parse(dyad.validate(good)), { ok: true, diagnostics: [] });
  assert.equal(dyad.normalize(good), good);
  const bad = JSON.parse(dyad.validate('{"schema":"dyad/9","text":"x"}'));
  assert.equal(bad.ok, false);
  assert.equal(bad.diagnostics[0].path, '/schema');
  const broken = JSON.parse(dyad.validate('{"schema":'));
  assert.equal(broken.ok, false);
  assert.equal(broken.diagnostics[0].code, 'json.syntax');
  assert.equal(dyad.normalize('{"schema":'), '');
});

test('empty and whitespace-only text give an empty, valid document', () => {
  for (const t of ['', '   \n\t ']) {
    const doc = JSON.parse(dyad.extract(t));
    assert.equal(doc.text, t);
    assert.equal(doc.mentions.length, 0);
  }
});

test('extract(text, {tokens: false}) leaves out the token list and keeps everything else', () => {
  const text = 'Çavuşoğlu met Bayramov in Baku 😀 on Monday.';
  const full = JSON.parse(dyad.extract(text));
  const lean = JSON.parse(dyad.extract(text, { tokens: false }));
  assert.ok(full.tokens.length > 5);
  assert.deepEqual(lean.tokens, []);  // written empty, as --no-tokens does
  assert.equal(lean.text, text);
  assert.deepEqual(lean.mentions, full.mentions);
  assert.deepEqual(lean.relations, full.relations);
  assert.deepEqual(lean.sentences, full.sentences);
  assert.equal(JSON.parse(dyad.validate(JSON.stringify(lean))).ok, true);
  const pretty = dyad.extract(text, { tokens: true, pretty: true });
  assert.ok(pretty.includes('\n  "'));
  assert.deepEqual(JSON.parse(pretty), full);
  assert.equal(JSON.parse(dyad.extract('a\uD800b', { tokens: false })).text, 'a\uFFFDb');  // lone surrogate
});

test('addLexicon adds user rows for later extract() calls; errors are reported; resetLexicons undoes it', () => {
  const text = 'The Velmora Peace Forum condemned the attack on Tuesday.';
  const codeOf = (doc, name) => doc.actors.find((a) => a.name === name)?.code;
  assert.notEqual(codeOf(JSON.parse(dyad.extract(text)), 'Velmora Peace Forum'), 'NGOVPF');
  const tsv = 'code\tname\taliases\ttype\tcountry\tsector\n' +
              'NGOVPF\tVelmora Peace Forum\tVPF\tORGANIZATION\t\tNGO\n' +
              'NGOBAD\tBroken Row\t\tMARTIAN\t\tNGO\n';  // not an actor type: reported, skipped
  const r = JSON.parse(dyad.addLexicon(tsv, 'my-orgs.tsv'));
  assert.equal(r.kind, 'organizations');
  assert.equal(r.ok, false);
  assert.ok(r.diagnostics.some((d) => d.severity === 'error' && d.code === 'lexicon.field' && d.line === 3 && /MARTIAN/.test(d.message)),
            JSON.stringify(r));
  assert.notEqual(codeOf(JSON.parse(dyad.extract('The Broken Row met.')), 'Broken Row'), 'NGOBAD');  // the bad row was skipped
  const doc = JSON.parse(dyad.extract(text));
  assert.equal(codeOf(doc, 'Velmora Peace Forum'), 'NGOVPF');
  const m = doc.mentions.find((x) => x.text === 'Velmora Peace Forum');
  assert.ok(m, JSON.stringify(doc.mentions));
  assert.equal([...text].slice(m.start, m.end).join(''), 'Velmora Peace Forum');
  const unknown = JSON.parse(dyad.addLexicon('just some text\n', 'notes.txt'));
  assert.equal(unknown.ok, false);
  assert.equal(unknown.diagnostics[0].code, 'lexicon.kind');
  dyad.resetLexicons();
  assert.notEqual(codeOf(JSON.parse(dyad.extract(text)), 'Velmora Peace Forum'), 'NGOVPF');
});

