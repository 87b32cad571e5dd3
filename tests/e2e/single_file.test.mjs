// dyad.html: one self-contained file that works when opened from disk, with no server.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { documentJson, fileUrl, pasteText, screenshotPath, useBrowser, waitForApp } from './support.mjs';

const env = useBrowser({ served: false });

test('dyad.html opened from file:// starts and accepts a paste', async () => {
  const page = await env.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(fileUrl('dyad.html'));
  await waitForApp(page);

  const article = 'Lavrov (Лавров) and Fidan spoke by phone — “a useful exchange”.';
  await pasteText(page, article);
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hasDocument);
  const doc = await documentJson(page);
  assert.equal(doc.text, article);

  // From file:// too the autosave goes to IndexedDB (Chromium allows it there).
  const state = await page.waitForFunction(() => {
    const s = JSON.parse(window.Module.testStateJson());
    return s.saves > 0 ? s : null;
  }).then((h) => h.jsonValue());
  assert.equal(state.storage, 'indexeddb');
  assert.equal(state.storageNotice, '');

  // Everything was inside the one file: no other resource was requested.
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [fileUrl('dyad.html')]);
  await page.screenshot({ path: screenshotPath('single-file.png') });
  assert.deepEqual(page.errors, []);
});

test('dyad.html from file:// without IndexedDB says so and saves to localStorage', async () => {
  const page = await env.newPage();
  // As in browsers or settings that refuse IndexedDB to file:// pages.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('not allowed here', 'SecurityError'); } });
  });
  await page.goto(fileUrl('dyad.html'));
  await waitForApp(page);
  await pasteText(page, 'Pashinyan and Aliyev met in Prague.');
  const state = await page.waitForFunction(() => {
    const s = JSON.parse(window.Module.testStateJson());
    return s.saves > 0 ? s : null;
  }).then((h) => h.jsonValue());
  assert.equal(state.storage, 'localstorage');
  assert.match(state.storageNotice, /IndexedDB: not allowed here\), so autosave uses the small localStorage/);
  assert.match(await page.evaluate(() => localStorage.getItem('dyad/autosave/v2')), /^dyad-autosave\/2 /);
  await page.screenshot({ path: screenshotPath('single-file-no-indexeddb.png') });
  assert.deepEqual(page.errors, []);
});
