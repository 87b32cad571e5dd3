// dyad.html: one self-contained file that works when opened from disk, with no server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { documentJson, fileUrl, launch, newPage, pasteText, screenshotPath, waitForApp } from './support.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('dyad.html opened from file:// starts and accepts a paste', async () => {
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(fileUrl('dyad.html'));
  await waitForApp(page);

  const article = 'Lavrov (Лавров) and Fidan spoke by phone — “a useful exchange”.';
  await pasteText(page, article);
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hasDocument);
  const doc = await documentJson(page);
  assert.equal(doc.text, article);

  // Everything was inside the one file: no other resource was requested.
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [fileUrl('dyad.html')]);
  await page.screenshot({ path: screenshotPath('single-file.png') });
  assert.deepEqual(page.errors, []);
});
