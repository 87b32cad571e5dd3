// exportAs(json, format) of the embind module: the same exports as `dyad export` (docs/export.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const createDyad = require(process.env.DYAD_MODULE);
const dyad = await createDyad();

// Code points: Çavuşoğlu 0-9, met 10-13, Bayramov 14-22, 😀 23 (two UTF-16 units), Baku 28-32.
const text = 'Çavuşoğlu met Bayramov 😀 in Baku.\nThey agreed.';
const user = { provenance: { by: 'user' }, status: 'accepted', confidence: 1.0 };
const doc = {
  schema: 'dyad/1',
  text,
  meta: { title: 'Talks', date: '2026-03-12' },
  actors: [
    { id: 'a1', name: 'Mevlüt Çavuşoğlu', type: 'PERSON', country: 'TUR', sector: 'GOV', code: 'TURGOV', ...user },
    { id: 'a2', name: 'Jeyhun Bayramov', type: 'PERSON', country: 'AZE', sector: 'GOV', code: 'AZEGOV', ...user },
    { id: 'a3', name: 'Baku', type: 'LOCATION', country: 'AZE', ...user },
  ],
  mentions: [
    { id: 'm1', actor: 'a1', start: 0, end: 9, kind: 'NAME', ...user },
    { id: 'm2', actor: 'a2', start: 14, end: 22, kind: 'NAME', ...user },
    { id: 'm3', actor: 'a3', start: 28, end: 32, kind: 'NAME', ...user },
  ],
  relations: [
    { id: 'r1', source: 'a1', target: 'a2', source_mention: 'm1', target_mention: 'm2', type: 'CONSULT', cameo: '040',
      quad: 'VERBAL_COOPERATION', trigger: { start: 10, end: 13 }, sentence: -1, negated: false, modality: 'asserted',
      time: null, ...user },
  ],
};
const json = JSON.stringify(doc);

test('events: header and one row, tab-separated', () => {
  const lines = dyad.exportAs(json, 'events').split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '');
  assert.equal(lines[0].split('\t').length, 19);
  assert.deepEqual(lines[1].split('\t'), ['r1', 'Talks', '2026-03-12', '', 'Mevlüt Çavuşoğlu', 'TURGOV', 'TUR', 'CONSULT', '040',
    'VERBAL_COOPERATION', 'Jeyhun Bayramov', 'AZEGOV', 'AZE', 'false', 'asserted', 'accepted', '1.0', 'met',
    'Çavuşoğlu met Bayramov 😀 in Baku.']);
});

test('brat: offsets are code points, so Array.from(text) selects each T line, not text.slice', () => {
  const ann = dyad.exportAs(json, 'brat');
  assert.ok(ann.includes('T3\tLOCATION 28 32\tBaku\n'));
  assert.ok(ann.includes('R1\tCONSULT Arg1:T1 Arg2:T2\n'));
  assert.ok(ann.includes('#1\tAnnotatorNotes T1\tmention=m1 actor=a1 code=TURGOV name=Mevlüt Çavuşoğlu\n'));
  const cps = Array.from(text);
  for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
    const [, mid, covered] = line.split('\t');
    const [s, e] = mid.split(' ').slice(1).map(Number);
    assert.equal(cps.slice(s, e).join(''), covered);
  }
  assert.notEqual(text.slice(28, 32), 'Baku');  // UTF-16 would be off by the emoji
});

test('conll and jsonl-events', () => {
  assert.equal(dyad.exportAs(json, 'conll'),
    'Çavuşoğlu\tB-PER\nmet\tO\nBayramov\tB-PER\n😀\tO\nin\tO\nBaku\tB-LOC\n.\tO\n\nThey\tO\nagreed\tO\n.\tO\n\n');
  const events = dyad.exportAs(json, 'jsonl-events').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(events.length, 1);
  assert.equal(events[0].event_id, 'r1');
  assert.equal(events[0].confidence, 1);
  assert.equal(events[0].sentence, null);
  assert.equal(Array.from(text).slice(events[0].trigger_start, events[0].trigger_end).join(''), events[0].trigger);
});

test('invalid JSON or an unknown format give the validate() error object', () => {
  const bad = JSON.parse(dyad.exportAs('{"schema":', 'events'));
  assert.equal(bad.ok, false);
  assert.equal(bad.diagnostics[0].code, 'json.syntax');
  const fmt = JSON.parse(dyad.exportAs(json, 'xml'));
  assert.equal(fmt.ok, false);
  assert.equal(fmt.diagnostics[0].code, 'export.format');
  assert.ok(!dyad.exportAs(json, 'jsonl-events').startsWith('{"ok":'));
});

test('an extracted article exports in every format', () => {
  const extracted = dyad.extract('Iran’s foreign minister met Jeyhun Bayramov in Baku 😀 on Tuesday.');
  for (const f of ['events', 'brat', 'conll', 'jsonl-events']) {
    const out = dyad.exportAs(extracted, f);
    assert.ok(!out.startsWith('{"ok":'), f);
  }
  assert.ok(dyad.exportAs(extracted, 'conll').includes('Bayramov\tI-PER\n'));
});
