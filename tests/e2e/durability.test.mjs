// Nothing is lost: each autosave is one record (in IndexedDB, localStorage only as a fallback)
// with its length and checksum, a damaged record is refused (and offered as a file), the last good
// save stays when storage is full (and the page says so), a reload restores the work — also a
// multi-megabyte one —, a crashed browser offers it back, and a download always reads back as
// valid dyad/1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { caucasusDocument } from './fixtures.mjs';
import {
  acceptSuggestionAndWaitForSave, appState, autosaveRecord, clickItem, documentJson, killBrowser,
  launchPersistent, openFile, overwriteAutosaveRecord, pasteText, screenshotPath, useBrowser, validateDyad,
  waitForApp, waitForState, watchPage,
} from './support.mjs';

/// The localStorage key of the record when IndexedDB is unavailable.
const FALLBACK_KEY = 'dyad/autosave/v2';
const SESSION_KEY = 'dyad/session/v2';

const env = useBrowser();

/// FNV-1a 32 over UTF-8 bytes, as wasm/app/autosave.cpp computes it.
function fnv1a32(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/// Splits a stored record into its header fields and document, checking length and checksum.
function readRecord(record) {
  const m = /^dyad-autosave\/2 (\d+) (\d+) ([0-9a-f]{8})\n/.exec(record);
  assert.ok(m, `not an autosave record: ${record.slice(0, 60)}`);
  const body = record.slice(m[0].length);
  const bytes = Buffer.from(body, 'utf8');
  assert.equal(bytes.length, Number(m[2]), 'recorded length');
  assert.equal(fnv1a32(bytes), parseInt(m[3], 16), 'recorded checksum');
  return { savedAt: Number(m[1]), body, doc: JSON.parse(body) };
}

const storedRecord = autosaveRecord;
const fallbackRecord = (page) => page.evaluate((k) => localStorage.getItem(k), FALLBACK_KEY);

/// Waits until the stored record satisfies `predicate` (IndexedDB writes finish after the call).
async function waitForRecord(page, predicate, timeout = 10000) {
  const start = Date.now();
  for (;;) {
    const record = await storedRecord(page);
    if (predicate(record)) return record;
    if (Date.now() - start > timeout) throw new Error(`stored record never matched ${predicate}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function loadCaucasus(page) {
  await openFile(page, 'caucasus.dyad.json', JSON.stringify(caucasusDocument()));
  await waitForState(page, (s) => s.hasDocument && s.saves > 0);
}

test('each autosave is one record with its length and checksum, and a reload restores it exactly', async () => {
  const page = await env.open();
  await loadCaucasus(page);
  await acceptSuggestionAndWaitForSave(page);
  const doc = await documentJson(page);
  const record = readRecord(await storedRecord(page));
  assert.deepEqual(record.doc, doc);
  assert.ok(Math.abs(record.savedAt - Date.now()) < 60000, 'saved-at time is now');
  assert.equal((await validateDyad(record.body)).ok, true);
  assert.equal((await appState(page)).storage, 'indexeddb');
  assert.equal(await fallbackRecord(page), null, 'nothing in localStorage');
  // The session is marked open while the page runs.
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), 'open');

  await page.reload();
  await waitForApp(page);
  const state = await waitForState(page, (s) => s.hasDocument);
  assert.match(state.notice, /^Restored your work from /);
  assert.equal(state.crashedSession, false, 'a reload is a clean close');
  assert.deepEqual(await documentJson(page), doc);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an edit followed at once by a reload is kept (the save started on pagehide lands)', async () => {
  const page = await env.open();
  await loadCaucasus(page);
  const before = await appState(page);
  const mention = (await documentJson(page)).mentions.find((m) => m.status === 'suggested');
  await clickItem(page, `mention:${mention.id}`);
  await clickItem(page, 'mention-menu:accept');
  await waitForState(page, (s, n) => s.commandsApplied > n, before.commandsApplied);
  const edited = await documentJson(page);
  // Usually still within the 0.4 s autosave delay (on a loaded machine the timer may win): then
  // only the save started by pagehide has the edit.
  await page.reload();
  await waitForApp(page);
  await waitForState(page, (s) => s.hasDocument);
  assert.deepEqual(await documentJson(page), edited);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a damaged record is not loaded: the page says so and offers it as a file', async () => {
  const page = await env.open({ acceptDownloads: true });
  await loadCaucasus(page);
  const record = await storedRecord(page);
  const damaged = record.slice(0, record.length - 40);  // as if the write had stopped short
  await overwriteAutosaveRecord(page, damaged);
  await page.reload();
  await waitForApp(page);
  const state = await waitForState(page, (s) => s.damagedAutosave);
  assert.equal(state.hasDocument, false);
  assert.match(state.notice, /could not be restored: the saved copy is damaged \(\d+ of \d+ bytes\)/);
  await page.screenshot({ path: screenshotPath('autosave-damaged.png') });

  const download = page.waitForEvent('download');
  await clickItem(page, 'button:Save the damaged copy');
  const file = await download;
  assert.equal(fs.readFileSync(await file.path(), 'utf8'), damaged);
  // Nothing was deleted behind the user's back.
  assert.equal(await storedRecord(page), damaged);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('when browser storage is full, the last good save stays and the page says so', async () => {
  const page = await env.open();
  await loadCaucasus(page);
  const good = await storedRecord(page);
  const goodDoc = readRecord(good).doc;

  // From now on the browser refuses to store the record, as a full disk does.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (typeof value === 'string') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await acceptSuggestionAndWaitForSave(page);
  const state = await waitForState(page, (s) => s.saveState === 'full');
  assert.ok(state.lastSaved, 'the time of the kept save is known');
  assert.notEqual(await page.evaluate(() => window.Module.testItemRect('status:save')), 'null', 'status bar shows it');
  assert.match(await page.textContent('#dyad-live'), new RegExp(`Not saved: browser storage is full\\. Your save from ${state.lastSaved.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is kept\\.`));
  await page.screenshot({ path: screenshotPath('autosave-storage-full.png') });
  // The stored record is still the last good one, whole.
  assert.equal(await storedRecord(page), good);
  const edited = await documentJson(page);
  assert.notDeepEqual(edited, goodDoc);

  await page.reload();
  await waitForApp(page);
  await waitForState(page, (s) => s.hasDocument);
  assert.deepEqual(await documentJson(page), goodDoc, 'the reload brings back the last good save');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('without any browser storage the page works and says that nothing is saved', async () => {
  const page = await env.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto(env.url);
  await waitForApp(page);
  await pasteText(page, 'Georgia and Armenia agreed on Tuesday to open a second crossing.');
  const state = await waitForState(page, (s) => s.hasDocument && s.saveState === 'unavailable');
  assert.equal(state.saves, 0);
  assert.match(await page.textContent('#dyad-live'), /Not saved: browser storage is not available/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/// Waits until the browser has written `marker` to the profile's localStorage files (Chromium
/// commits localStorage to disk a few seconds after a change).
async function waitUntilOnDisk(profile, marker) {
  const dir = path.join(profile, 'Default', 'Local Storage', 'leveldb');
  const needles = [Buffer.from(marker, 'latin1'), Buffer.from(marker, 'utf16le')];
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    for (const f of files) {
      const data = fs.readFileSync(path.join(dir, f));
      if (needles.some((n) => data.includes(n))) return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('after a browser crash the unsaved work is offered back; Restore brings it back exactly, Start fresh forgets it', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-e2e-profile-'));
  try {
    const marker = `crash-marker-${Date.now()}`;
    let context = await launchPersistent(profile);
    let page = watchPage(context.pages()[0] || await context.newPage());
    await page.goto(env.url);
    await waitForApp(page);
    await pasteText(page, `Georgia and Armenia agreed on Tuesday to open a second crossing (${marker}).`);
    await waitForState(page, (s) => s.hasDocument && s.saves > 0);
    await acceptSuggestionAndWaitForSave(page);
    const saved = await documentJson(page);
    // The record is on disk once its save is reported (IndexedDB, durability 'strict'); the
    // session marker lives in localStorage, which Chromium writes out a little later.
    assert.ok((await storedRecord(page)).includes(marker));
    await waitUntilOnDisk(profile, SESSION_KEY);
    killBrowser(profile);  // no pagehide, no unload: a crash

    context = await launchPersistent(profile);
    page = watchPage(context.pages()[0] || await context.newPage());
    await page.goto(env.url);
    await waitForApp(page);
    let state = await waitForState(page, (s) => s.recoveryPending && s.popupOpen);
    assert.equal(state.crashedSession, true);
    assert.equal(state.hasDocument, false, 'nothing is restored without asking');
    assert.match(state.recoveryTime, /\d/);
    await page.screenshot({ path: screenshotPath('recovery-offer.png') });

    // A paste before answering loads nothing (it would replace the work on offer).
    await pasteText(page, 'Something else entirely.');
    state = await appState(page);
    assert.equal(state.hasDocument, false);
    assert.equal(state.recoveryPending, true);

    await clickItem(page, 'button:Restore');
    await waitForState(page, (s) => s.hasDocument && !s.recoveryPending);
    assert.deepEqual(await documentJson(page), saved);
    assert.deepEqual(page.errors, []);
    await waitForState(page, (s) => s.saves > 0 || s.saveState === 'saved');

    // Crash again, and this time start fresh.
    killBrowser(profile);
    context = await launchPersistent(profile);
    page = watchPage(context.pages()[0] || await context.newPage());
    await page.goto(env.url);
    await waitForApp(page);
    await waitForState(page, (s) => s.recoveryPending && s.popupOpen);
    await clickItem(page, 'button:Recovery start fresh');
    state = await waitForState(page, (s) => !s.recoveryPending && !s.popupOpen);
    assert.equal(state.hasDocument, false);
    await waitForRecord(page, (r) => r === null);
    assert.deepEqual(page.errors, []);
    await context.close();
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a download always reads back as valid dyad/1, also for hostile text', async () => {
  const page = await env.open({ acceptDownloads: true });
  const text = 'Aliyev met Pashinyan 👩🏽‍💻 🇬🇪 in Baku\r\nفارسی עברית\u0000\u0007 <script>alert(1)</script> “quoted”\rend';
  await pasteText(page, text);
  await waitForState(page, (s) => s.hasDocument);
  const download = page.waitForEvent('download');
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Download JSON');
  const file = await download;
  const json = fs.readFileSync(await file.path(), 'utf8');
  const check = await validateDyad(json);
  assert.equal(check.ok, true, JSON.stringify(check.diagnostics));
  assert.equal(JSON.parse(json).text, text.replace(/\r\n?/g, '\n'));
  assert.deepEqual(JSON.parse(json), await documentJson(page));
  assert.deepEqual(page.errors, []);
  await page.close();
});

/// A dyad/1 document of several megabytes: the Caucasus article and its annotations, followed
/// by a long tail of wire-style paragraphs (with non-ASCII letters, so byte and character counts
/// differ).
function bigDocument(megabytes) {
  const doc = caucasusDocument();
  const para = 'Reporters in Tbilisi, Yerevan and Bakı followed the talks on the “second crossing” — ' +
    'officials from Georgia, Armenia and Azerbaijan met again on Thursday; Çavuşoğlu and Mirzoyan sent letters. ';
  const parts = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1e6; ++i) {
    const p = `${i}. ${para}`;
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  doc.text += '\n\n' + parts.join('\n\n');
  return doc;
}

test('a multi-megabyte document is autosaved in IndexedDB and survives a reload', async () => {
  const page = await env.open();
  const doc = bigDocument(3);
  await openFile(page, 'big.dyad.json', JSON.stringify(doc));
  // Over half a megabyte, the file is opened behind an "Opening …" dialog.
  await waitForState(page, (s) => s.hasDocument && s.saves > 0 && s.saveState === 'saved', null, 60000);
  const state = await appState(page);
  assert.equal(state.storage, 'indexeddb');
  const record = readRecord(await storedRecord(page));
  assert.ok(Buffer.byteLength(record.body) > 3e6, `record of ${Buffer.byteLength(record.body)} bytes`);
  assert.equal(record.doc.text, doc.text);
  const loaded = await documentJson(page);
  assert.deepEqual(record.doc, loaded);

  await page.reload();
  await waitForApp(page, 60000);
  const restored = await waitForState(page, (s) => s.hasDocument, null, 60000);
  assert.match(restored.notice, /^Restored your work from /);
  assert.equal(restored.crashedSession, false);
  assert.deepEqual(await documentJson(page), loaded);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('without IndexedDB the page says so and autosaves to localStorage instead', async () => {
  const page = await env.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { return undefined; } });
  });
  await page.goto(env.url);
  await waitForApp(page);
  let state = await appState(page);
  assert.equal(state.storage, 'localstorage');
  assert.match(state.storageNotice, /does not let dyad use its database \(IndexedDB: .*\), so autosave uses the small localStorage/);
  assert.notEqual(await page.evaluate(() => window.Module.testItemRect('notice:storage')), 'null', 'the notice is on screen');
  await loadCaucasus(page);
  const record = readRecord(await fallbackRecord(page));
  assert.deepEqual(record.doc, await documentJson(page));
  await page.reload();
  await waitForApp(page);
  state = await waitForState(page, (s) => s.hasDocument);
  assert.match(state.notice, /^Restored your work from /);
  assert.deepEqual(await documentJson(page), record.doc);
  assert.deepEqual(page.errors, []);
  await page.close();
});
