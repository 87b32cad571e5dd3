// The annotator used as a person would: open a dyad/1 file, hover, add a mention by dragging,
// change a mention's actor, draw a relation, reject a suggestion, undo and redo, download,
// reload and find the work restored, fail to load a broken file without losing anything — and
// no network request after the page has loaded. Real mouse and keyboard events throughout, at
// coordinates the app's test hook reports.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, test } from 'node:test';

import { caucasusDocument, spanOf, CAUCASUS_TEXT } from './fixtures.mjs';
import {
  appState, clickItem, documentJson, drag, framesDrawn, press, rectOf, screenshotPath, useBrowser,
  waitForApp, waitForIdle,
} from './support.mjs';

const env = useBrowser();
let page;
const lateRequests = [];  // requests made after the page loaded
let watching = false;

before(async () => {
  await env.ready;
  page = await env.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on('request', (r) => {
    if (watching && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) lateRequests.push(r.url());
  });
  await page.goto(env.url);
  await waitForApp(page);
  watching = true;
});

async function openFile(name, contents) {
  const chooser = page.waitForEvent('filechooser');
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Open file');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents, 'utf8') });
}

const actorOf = (doc, mentionText) => doc.mentions.find((m) => m.text === mentionText)?.actor;

test('a dyad/1 file opened from the File menu shows its actors, mentions and relations', async () => {
  await openFile('caucasus.dyad.json', JSON.stringify(caucasusDocument()));
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hasDocument);
  await waitForIdle(page);
  const doc = await documentJson(page);
  assert.equal(doc.text, CAUCASUS_TEXT);
  assert.equal(doc.actors.length, 6);
  assert.equal(doc.mentions.length, 6);
  assert.equal(doc.relations.length, 3);
  const state = await appState(page);
  assert.deepEqual(state.loadErrors, []);
  assert.equal(state.article.arcsDrawn, 3);
  await page.screenshot({ path: screenshotPath('annotate-loaded.png') });
});

test('hovering a mention lights its actor', async () => {
  const r = await rectOf(page, 'mention:m3');
  await page.mouse.move(r.cx, r.cy);
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hoveredActor === 2);
  await page.screenshot({ path: screenshotPath('annotate-hover.png') });
});

test('dragging over a word and picking a type adds a mention of a new actor', async () => {
  const s = spanOf(CAUCASUS_TEXT, 'Tbilisi');
  const r = await rectOf(page, `text:${s.start}:${s.end}`);
  await drag(page, r.x0 + 1, r.cy, r.x1 - 1, r.cy);
  await page.waitForFunction(() => window.Module.testItemRect('new-actor:LOCATION') !== 'null');
  await page.screenshot({ path: screenshotPath('annotate-add-mention.png') });
  await clickItem(page, 'new-actor:LOCATION');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).mentions.length === 7);
  const doc = await documentJson(page);
  const m = doc.mentions.find((x) => x.text === 'Tbilisi');
  assert.ok(m, 'no mention of Tbilisi');
  assert.equal(m.start, s.start);
  assert.equal(m.end, s.end);
  assert.equal(m.provenance.by, 'user');
  const actor = doc.actors.find((a) => a.id === m.actor);
  assert.equal(actor.type, 'LOCATION');
  assert.equal(actor.name, 'Tbilisi');
});

test("clicking a mention and picking another actor changes the mention's actor", async () => {
  await clickItem(page, 'mention:m4');  // Pashinyan
  await page.waitForFunction(() => window.Module.testItemRect('pick-actor:a2') !== 'null');
  await clickItem(page, 'pick-actor:a2');  // Armenia
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).mentions.find((m) => m.id === 'm4').actor === 'a2');
  const doc = await documentJson(page);
  // The relation anchored on the mention follows it.
  assert.equal(doc.relations.find((r) => r.id === 'r2').target, 'a2');
});

test('dragging from one mention to another and picking a type adds a relation', async () => {
  const from = await rectOf(page, 'mention:m1');  // Georgia
  const to = await rectOf(page, 'mention:m5');    // Russia
  await drag(page, from.cx, from.cy, to.cx, to.cy, 12);
  await page.waitForFunction(() => window.Module.testItemRect('plover:ACCUSE') !== 'null');
  await page.screenshot({ path: screenshotPath('annotate-add-relation.png') });
  await clickItem(page, 'plover:ACCUSE');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).relations.length === 4);
  const doc = await documentJson(page);
  const r = doc.relations.find((x) => x.type === 'ACCUSE');
  assert.equal(r.source, 'a1');
  assert.equal(r.target, 'a5');
  assert.equal(r.source_mention, 'm1');
  assert.equal(r.target_mention, 'm5');
  assert.equal(r.status, 'accepted');
});

test('a suggestion selected in the relations list is rejected with R; undo and redo', async () => {
  await clickItem(page, 'tab:relations');
  await clickItem(page, 'relation:r3');
  assert.equal((await appState(page)).selectedRelation, 'r3');
  await press(page, 'r');
  const status = async () => (await documentJson(page)).relations.find((r) => r.id === 'r3').status;
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).relations.find((r) => r.id === 'r3').status === 'rejected');
  await page.screenshot({ path: screenshotPath('annotate-rejected.png') });

  await press(page, 'Control+z');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).relations.find((r) => r.id === 'r3').status === 'suggested');
  assert.equal(await status(), 'suggested');
  await press(page, 'Control+Shift+z');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).relations.find((r) => r.id === 'r3').status === 'rejected');
  const state = await appState(page);
  assert.ok(state.canUndo);
  assert.equal(state.canRedo, false);
  assert.ok(state.history.length >= 4, JSON.stringify(state.history));
});

test('Download JSON saves the document as it is', async () => {
  const download = page.waitForEvent('download');
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Download JSON');
  const file = await download;
  assert.match(file.suggestedFilename(), /\.dyad\.json$/);
  assert.equal(file.suggestedFilename(), 'Georgia-and-Armenia-agree-on-a-second-crossing.dyad.json');
  const saved = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  assert.deepEqual(saved, await documentJson(page));
  assert.equal(actorOf(saved, 'Pashinyan'), 'a2');
});

test('no network request was made after the page loaded', async () => {
  assert.deepEqual(lateRequests, []);
});

test('after a reload the work is restored', async () => {
  const before = await documentJson(page);
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).saves > 0);
  await page.waitForTimeout(600);  // the last edit's autosave
  watching = false;
  await page.reload();
  await waitForApp(page);
  watching = true;
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hasDocument);
  const state = await appState(page);
  assert.match(state.notice, /^Restored your work/);
  assert.deepEqual(await documentJson(page), before);
  await page.screenshot({ path: screenshotPath('annotate-restored.png') });
});

test('a broken JSON file shows every error and leaves the work untouched', async () => {
  const before = await documentJson(page);
  const broken = JSON.stringify({ ...caucasusDocument(), mentions: [{ id: 'm1', actor: 'nobody', start: 5, end: 2 }] });
  await openFile('broken.dyad.json', broken);
  await page.waitForFunction(() => {
    const s = JSON.parse(window.Module.testStateJson());
    return s.loadErrors.length > 0 && s.popupOpen;
  });
  const state = await appState(page);
  assert.ok(state.loadErrors.some((e) => e.includes('/mentions/0')), JSON.stringify(state.loadErrors));
  await page.screenshot({ path: screenshotPath('annotate-load-error.png') });
  await clickItem(page, 'button:OK');
  assert.deepEqual(await documentJson(page), before);
  assert.deepEqual(lateRequests, []);
});

test('Tab walks the suggestions, Enter accepts and moves on, number keys set the actor type', async () => {
  await page.mouse.click(400, 600);  // nothing there: clears the selection
  await press(page, 'Tab');
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).selectedMention !== '');
  const first = (await appState(page)).selectedMention;
  await press(page, 'Enter');
  await page.waitForFunction((id) => JSON.parse(window.Module.testDocumentJson()).mentions.find((m) => m.id === id).status === 'accepted', first);
  const next = (await appState(page)).selectedMention;
  assert.notEqual(next, first);
  const actor = (await documentJson(page)).mentions.find((m) => m.id === next).actor;
  await press(page, '3');  // GOVERNMENT
  await page.waitForFunction((a) => JSON.parse(window.Module.testDocumentJson()).actors.find((x) => x.id === a).type === 'GOVERNMENT', actor);
  await press(page, 'Control+z');
  await page.waitForFunction((a) => JSON.parse(window.Module.testDocumentJson()).actors.find((x) => x.id === a).type !== 'GOVERNMENT', actor);
});

test('"Accept all above" accepts every suggestion at or above the confidence', async () => {
  await clickItem(page, 'button:accept-all');
  await page.waitForFunction(() => {
    const d = JSON.parse(window.Module.testDocumentJson());
    return [...d.mentions, ...d.relations].every((x) => x.status !== 'suggested' || x.confidence < 0.8);
  });
  const doc = await documentJson(page);
  assert.equal(doc.mentions.find((m) => m.id === 'm5').status, 'suggested');  // 0.7 stays
});

test('dragging one actor onto another in the actors panel merges them', async () => {
  await clickItem(page, 'tab:actors');
  const from = await rectOf(page, 'actor:a6');  // Maka Botchorishvili
  const into = await rectOf(page, 'actor:a3');  // Irakli Kobakhidze
  await drag(page, from.cx, from.cy, into.cx, into.cy, 10);
  await page.waitForFunction(() => !JSON.parse(window.Module.testDocumentJson()).actors.some((a) => a.id === 'a6'));
  const doc = await documentJson(page);
  assert.equal(doc.mentions.find((m) => m.id === 'm6').actor, 'a3');
  await page.screenshot({ path: screenshotPath('annotate-merged.png') });
});

test('a downloaded file opened again gives exactly the same document', async () => {
  const download = page.waitForEvent('download');
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Download JSON');
  const text = fs.readFileSync(await (await download).path(), 'utf8');
  const before = await documentJson(page);
  await openFile('again.dyad.json', text);
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).status === 'Loaded again.dyad.json');
  assert.deepEqual(await documentJson(page), before);
});

test('"Start fresh" forgets the work, also across a reload', async () => {
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).notice.startsWith('Restored'));
  await clickItem(page, 'button:Start fresh');
  await page.waitForFunction(() => !JSON.parse(window.Module.testStateJson()).hasDocument);
  await page.reload();
  await waitForApp(page);
  await page.waitForTimeout(300);
  assert.equal((await appState(page)).hasDocument, false);
});

test('the idle annotator draws no frames', async () => {
  await page.mouse.move(5, 795);
  await waitForIdle(page);
  const f0 = await framesDrawn(page);
  await page.waitForTimeout(1000);
  assert.equal(await framesDrawn(page), f0);
  assert.deepEqual(page.errors, []);
});
