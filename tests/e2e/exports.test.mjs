// File › Download as: a pasted article's events table (TSV) and brat standoff (.ann + .txt)
// downloaded through the real menu, checked against the document the page shows — the header
// row, one row per relation with its PLOVER type and both actors' names, brat T offsets that
// select the mention's words from the pasted text (code points: an emoji comes before one) —
// and the document is unchanged by exporting.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, test } from 'node:test';

import { caucasusDocument } from './fixtures.mjs';
import {
  appState, clickItem, documentJson, openFile, pasteText, useBrowser, waitForApp, waitForIdle,
} from './support.mjs';

// Two astral code points (a flag) before the second "Bayramov": UTF-16 offsets would be off by 2.
const ARTICLE = 'Turkish Foreign Minister Mevlüt Çavuşoğlu met Jeyhun Bayramov in Baku 🇦🇿 on Tuesday.\n'
  + '“We agreed to reopen the border,” Bayramov said.';

const EVENTS_HEADER = [
  'event_id', 'doc_title', 'doc_date', 'sentence', 'source_name', 'source_code', 'source_country',
  'plover_type', 'cameo', 'quad', 'target_name', 'target_code', 'target_country', 'negated', 'modality',
  'status', 'confidence', 'trigger', 'sentence_text',
];

const env = useBrowser();
let page;
let doc;  // the document after extraction
let history;  // its undo history then

before(async () => {
  await env.ready;
  page = await env.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await page.goto(env.url);
  await waitForApp(page);
  await pasteText(page, ARTICLE);
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson() || 'null')?.relations?.length > 0,
    null, { timeout: 30000 });
  await waitForIdle(page);
  doc = await documentJson(page);
  history = (await appState(page)).history;
});

/// Clicks File › Download as › `item` and returns [suggested file name, UTF-8 bytes].
async function downloadAs(item) {
  const download = page.waitForEvent('download');
  await clickItem(page, 'menu:File');
  await clickItem(page, 'menu:Download as');
  await clickItem(page, item);
  const file = await download;
  return [file.suggestedFilename(), fs.readFileSync(await file.path())];
}

function utf8NoBom(bytes) {
  assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM');
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const actorName = (id) => doc.actors.find((a) => a.id === id).name;

test('Download as › Events table gives a TSV with a header and a row per relation', async () => {
  assert.equal(doc.text, ARTICLE);
  const [name, bytes] = await downloadAs('item:export:events');
  assert.match(name, /^Turkish-Foreign-Minister-.*\.tsv$/);
  const lines = utf8NoBom(bytes).split('\n');
  assert.equal(lines.pop(), '', 'rows end with a line feed');
  const rows = lines.map((l) => l.split('\t'));
  assert.deepEqual(rows[0], EVENTS_HEADER);
  const live = doc.relations.filter((r) => r.status !== 'rejected');
  assert.ok(live.length > 0, JSON.stringify(doc.relations));
  assert.equal(rows.length - 1, live.length);
  for (const r of live) {
    const row = rows.find((x) => x[0] === r.id);
    assert.ok(row, `no row for ${r.id}`);
    assert.equal(row.length, EVENTS_HEADER.length);
    const field = (col) => row[EVENTS_HEADER.indexOf(col)];
    assert.equal(field('plover_type'), r.type);
    assert.equal(field('source_name'), actorName(r.source));
    assert.equal(field('target_name'), actorName(r.target));
    assert.equal(field('status'), r.status);
  }
  // The extractor's meeting: Çavuşoğlu met Bayramov.
  const met = rows.find((x) => x[EVENTS_HEADER.indexOf('trigger')] === 'met');
  assert.ok(met, rows.join('\n'));
  assert.equal(met[EVENTS_HEADER.indexOf('source_name')], 'Mevlüt Çavuşoğlu');
  assert.equal(met[EVENTS_HEADER.indexOf('target_name')], 'Jeyhun Bayramov');
  assert.equal(met[EVENTS_HEADER.indexOf('plover_type')], 'CONSULT');
  assert.match((await appState(page)).status ?? '', new RegExp(`Downloaded ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
});

test('Download as › brat gives an .ann whose T offsets select the text of the .txt', async () => {
  const [annName, annBytes] = await downloadAs('item:export:brat');
  const [txtName, txtBytes] = await downloadAs('item:export:brat-text');
  assert.match(annName, /\.ann$/);
  assert.equal(txtName, annName.replace(/\.ann$/, '.txt'));
  const text = utf8NoBom(txtBytes);
  assert.equal(text, ARTICLE, 'the .txt is the pasted text exactly');
  const codePoints = Array.from(text);  // brat offsets are Python str indices: code points

  const lines = utf8NoBom(annBytes).split('\n').filter((l) => l !== '');
  const tLines = lines.filter((l) => /^T\d+\t/.test(l));
  const live = doc.mentions.filter((m) => m.status !== 'rejected');
  assert.equal(tLines.length, live.length);
  const byId = new Map();
  for (const line of tLines) {
    const [id, typeAndSpan, covered] = line.split('\t');
    const [type, spans] = [typeAndSpan.slice(0, typeAndSpan.indexOf(' ')), typeAndSpan.slice(typeAndSpan.indexOf(' ') + 1)];
    const parts = spans.split(';').map((s) => s.split(' ').map(Number));
    const fromText = parts.map(([s, e]) => codePoints.slice(s, e).join('')).join(' ');
    assert.equal(fromText, covered, line);
    byId.set(id, { type, start: parts[0][0], covered });
  }
  // Each mention appears with its actor's type at its own offsets, also after the flag emoji.
  for (const m of live) {
    const t = [...byId.values()].find((x) => x.start === m.start);
    assert.ok(t, `no T line for ${m.id} (${m.text})`);
    assert.equal(t.covered, m.text);
    assert.equal(t.type, doc.actors.find((a) => a.id === m.actor).type);
  }
  const late = [...byId.values()].find((x) => x.covered === 'Bayramov');
  assert.ok(late, 'the mention after the emoji');
  assert.equal(late.start, Array.from(ARTICLE.slice(0, ARTICLE.lastIndexOf('Bayramov'))).length);

  // The relation joins the two anchored mentions under its PLOVER type.
  const r = doc.relations.find((x) => x.status !== 'rejected' && x.source_mention && x.target_mention);
  assert.ok(r, JSON.stringify(doc.relations));
  const tOf = (mentionId) => {
    const m = doc.mentions.find((x) => x.id === mentionId);
    return [...byId.entries()].find(([, t]) => t.start === m.start)[0];
  };
  assert.ok(lines.some((l) => new RegExp(`^R\\d+\\t${r.type} Arg1:${tOf(r.source_mention)} Arg2:${tOf(r.target_mention)}$`).test(l)),
    lines.join('\n'));
});

test('CoNLL and JSON lines download, and exporting leaves the document as it was', async () => {
  const [conllName, conll] = await downloadAs('item:export:conll');
  assert.match(conllName, /\.conll$/);
  assert.match(utf8NoBom(conll), /^Mevlüt\tB-PER\nÇavuşoğlu\tI-PER$/m);
  const [jsonlName, jsonl] = await downloadAs('item:export:jsonl-events');
  assert.match(jsonlName, /\.jsonl$/);
  const events = utf8NoBom(jsonl).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  assert.equal(events.length, doc.relations.filter((r) => r.status !== 'rejected').length);
  assert.ok(events.some((e) => e.source_name === 'Mevlüt Çavuşoğlu' && e.target_name === 'Jeyhun Bayramov'));

  assert.deepEqual(await documentJson(page), doc);
  assert.deepEqual((await appState(page)).history, history, 'an export is not an edit');
  assert.deepEqual(page.errors, []);
});

test("what brat cannot express is left out and counted in the status line", async () => {
  // r1 is drawn between actors without mention anchors (hand-made gold can be like that).
  const gold = caucasusDocument();
  delete gold.relations[0].source_mention;
  delete gold.relations[0].target_mention;
  await openFile(page, 'gold.dyad.json', JSON.stringify(gold));
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson() || 'null')?.text?.startsWith('Georgia'));
  await waitForIdle(page);
  const [, ann] = await downloadAs('item:export:brat');
  const lines = utf8NoBom(ann).split('\n');
  assert.equal(lines.filter((l) => /^R\d+\t/.test(l)).length, 2, lines.join('\n'));
  assert.ok(!lines.some((l) => l.includes('relation=r1')), 'the unanchored relation was exported');
  const { status } = await appState(page);
  assert.match(status, /\.ann .*1 warning: \/relations\/0: relation r1 is not anchored/);
});
