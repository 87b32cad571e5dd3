// Other ways in and around: the DOM paste box (keys typed there never reach the canvas), a
// dropped .txt file, the built-in sample, the screen-reader mirror, the light theme, the
// shortcuts help.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import {
  appState, clickItem, documentJson, inkMask, pasteText, pixelsOf, press, rectOf, screenshotPath, useBrowser,
  waitForIdle, waitForState,
} from './support.mjs';

const env = useBrowser();
let page;

before(async () => {
  await env.ready;
  page = await env.open({ viewport: { width: 1200, height: 760 } });
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

test('emoji draw as their own glyphs (Symbola, merged into the atlas), not as the fallback glyph', async () => {
  const text = 'Mood 😀 here 👍 and \uFFFD there 🦄 end';
  await pasteText(page, text);
  await waitForState(page, (s, t) => s.hasDocument && s.revision > 0, text);
  assert.equal((await documentJson(page)).text, text);
  await waitForIdle(page);
  const cps = Array.from(text);
  const at = (ch) => cps.indexOf(ch);
  const glyph = async (ch) => {
    const r = await rectOf(page, `text:${at(ch)}:${at(ch) + 1}`);
    assert.ok(r && r.x1 > r.x0, `${ch} is laid out`);
    return { r, px: await pixelsOf(page, r) };
  };
  const grin = await glyph('😀');
  const thumbs = await glyph('👍');
  const fallback = await glyph('\uFFFD');  // what a code point without a glyph is drawn as
  const unicorn = await glyph('🦄');        // not in the subset
  await page.screenshot({ path: screenshotPath('emoji.png'), clip: { x: 0, y: grin.r.y0 - 20, width: 700, height: 60 } });
  // Background: the pixel at the top-left corner of the line box (above the glyphs).
  const bg = grin.px.rgba.slice(0, 3);
  const ink = (g) => inkMask(g.px, bg);
  const count = (m) => m.reduce((a, b) => a + b, 0);
  const diff = (a, b) => {
    // Compare the two masks over their common width, row by row.
    const w = Math.min(a.px.width, b.px.width);
    const h = Math.min(a.px.height, b.px.height);
    const ma = ink(a);
    const mb = ink(b);
    let n = 0;
    for (let y = 0; y < h; ++y) for (let x = 0; x < w; ++x) n += ma[y * a.px.width + x] !== mb[y * b.px.width + x] ? 1 : 0;
    return n;
  };
  for (const [name, g] of [['😀', grin], ['👍', thumbs]]) {
    const n = count(ink(g));
    assert.ok(n > 20, `${name} draws ink (${n} pixels)`);
    const d = diff(g, fallback);
    assert.ok(d > n / 4, `${name} differs from the fallback glyph (${d} of ${n} ink pixels differ)`);
  }
  // The check can tell: an emoji outside the subset is the fallback glyph, pixel for pixel.
  assert.ok(count(ink(unicorn)) > 20);
  assert.equal(diff(unicorn, fallback), 0, 'an emoji without a glyph draws the fallback glyph');
  assert.ok(diff(grin, thumbs) > 0, 'two emoji differ');
  // The emoji fit in the one atlas texture without growing it past 1024 x 1024 at DPR 1.
  const { atlas } = await appState(page);
  console.log(`font atlas ${atlas[0]} x ${atlas[1]}`);
  assert.ok(atlas[0] <= 1024 && atlas[1] <= 1024, `atlas ${atlas}`);
  assert.deepEqual(page.errors, []);
});
