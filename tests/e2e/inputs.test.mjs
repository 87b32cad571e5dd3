// Other ways in and around: the DOM paste box (keys typed there never reach the canvas), a
// dropped .txt file, the built-in sample, the screen-reader mirror, the light theme, the
// shortcuts help.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  appState, clickItem, documentJson, launch, newPage, press, screenshotPath, serve, waitForApp, waitForIdle,
} from './support.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await serve();
  browser = await launch();
  page = await newPage(browser, { viewport: { width: 1200, height: 760 } });
  await page.goto(server.url);
  await waitForApp(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the paste box takes typed text (Backspace works, the canvas sees no keys) and loads it', async () => {
  await clickItem(page, 'button:Paste article');
  await page.waitForSelector('#dyad-paste-box[open]');
  await page.focus('#dyad-paste-text');
  const framesBefore = await page.evaluate(() => window.Module.testFramesDrawn());
  await page.keyboard.type('Mirzoyan met Bayramovx');
  await page.keyboard.press('Backspace');
  assert.equal(await page.inputValue('#dyad-paste-text'), 'Mirzoyan met Bayramov');
  // GLFW never saw those keys, so nothing woke the renderer.
  assert.equal(await page.evaluate(() => window.Module.testFramesDrawn()), framesBefore);
  await page.fill('#dyad-paste-text', 'Mirzoyan met Bayramov in Almaty — “constructive” talks.');
  await page.click('#dyad-paste-load');
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hasDocument);
  assert.equal((await documentJson(page)).text, 'Mirzoyan met Bayramov in Almaty — “constructive” talks.');
  assert.equal(await page.isVisible('#dyad-paste-box'), false);
});

test('a .txt file dropped on the page is loaded as the article', async () => {
  const text = 'Tokayev received Erdoğan in Astana.\n\nThe two presidents signed a memorandum.';
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'article.txt', { type: 'text/plain' }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction((t) => JSON.parse(window.Module.testDocumentJson()).text === t, text);
});

test('the sample article loads, and the hidden mirror carries its text for screen readers', async () => {
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Sample article');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).text.startsWith('Georgia and Armenia'));
  await page.waitForFunction(() => document.querySelectorAll('#dyad-mirror p').length >= 5);
  // The text itself, with the annotation notes taken out, is the article's.
  const mirrored = await page.evaluate(() => Array.from(document.querySelectorAll('#dyad-mirror p'), (p) => {
    const copy = p.cloneNode(true);
    copy.querySelectorAll('.dyad-note').forEach((n) => n.remove());
    return copy.textContent;
  }));
  assert.equal(mirrored[0], 'Georgia and Armenia agree to open second border crossing after talks in Tbilisi');
  const doc = await documentJson(page);
  const marks = await page.evaluate(() => document.querySelectorAll('#dyad-mirror mark').length);
  assert.equal(marks > 0, doc.mentions.length > 0, 'every article with mentions has marks in the mirror');
  // The live region announced the load.
  assert.match(await page.textContent('#dyad-live'), /Article loaded/);
  await waitForIdle(page);
  await page.screenshot({ path: screenshotPath('sample-dark.png') });
});

test('the light theme applies to the canvas and the page', async () => {
  await clickItem(page, 'menu:View');
  await clickItem(page, 'item:Light theme');
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).theme === 'light');
  assert.ok(await page.evaluate(() => document.body.classList.contains('dyad-light')));
  await page.mouse.move(5, 700);
  await waitForIdle(page);
  await page.screenshot({ path: screenshotPath('sample-light.png') });
  await clickItem(page, 'menu:View');
  await clickItem(page, 'item:Dark theme');
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).theme === 'dark');
});

test('? shows the keyboard shortcuts and Escape closes them', async () => {
  await page.mouse.move(300, 300);
  await press(page, 'Shift+Slash');
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).popupOpen);
  await page.screenshot({ path: screenshotPath('shortcuts.png') });
  await press(page, 'Escape');
  await page.waitForFunction(() => !JSON.parse(window.Module.testStateJson()).popupOpen);
  assert.deepEqual(page.errors, []);
  assert.equal((await appState(page)).hasDocument, true);
});
