// The served page: a paste anywhere loads the article (exact text), and an idle page draws
// nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  appState, documentJson, framesDrawn, loopTicks, pasteText, screenshotPath, useBrowser, waitForApp,
  waitForIdle,
} from './support.mjs';

const ARTICLE = 'Çavuşoğlu met Bayramov in Baku — “talks”';

const env = useBrowser();

test('a pasted non-ASCII article is loaded exactly and the idle page draws no frames', async () => {
  const page = await env.open();

  // The loading message is gone and the canvas fills the window at the device pixel ratio.
  assert.equal(await page.isVisible('#dyad-loading'), false);
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, dpr: devicePixelRatio };
  });
  assert.equal(canvas.w, Math.round(canvas.cssW * canvas.dpr));
  assert.equal(canvas.h, Math.round(canvas.cssH * canvas.dpr));
  assert.equal(canvas.cssW, 1100);

  await pasteText(page, ARTICLE);
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hasDocument);
  const doc = await documentJson(page);
  assert.equal(doc.schema, 'dyad/1');
  assert.equal(doc.text, ARTICLE);

  // Shown word-wrapped: the layout has at least one line and some are drawn.
  await waitForIdle(page);
  const state = await appState(page);
  assert.ok(state.article.lines >= 1, JSON.stringify(state));
  assert.ok(state.article.lastVisible > state.article.firstVisible, JSON.stringify(state));

  // Idle: the loop keeps ticking (requestAnimationFrame) but draws nothing for a second.
  const frames0 = await framesDrawn(page);
  const ticks0 = await loopTicks(page);
  await page.waitForTimeout(1000);
  const frames1 = await framesDrawn(page);
  const ticks1 = await loopTicks(page);
  assert.equal(frames1, frames0, 'frames were drawn while idle');
  assert.ok(ticks1 - ticks0 > 10, `main loop not running (${ticks1 - ticks0} ticks in 1 s)`);

  // Input wakes it up again.
  await page.mouse.move(300, 200);
  await page.mouse.move(320, 210);
  await page.waitForFunction((f) => window.Module.testFramesDrawn() > f, frames1);

  await page.screenshot({ path: screenshotPath('paste.png') });
  assert.deepEqual(page.errors, []);
});

test('Ctrl+V with the real clipboard loads the article', async () => {
  const page = await env.newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  await page.goto(env.url);
  await waitForApp(page);
  await page.mouse.click(500, 400);  // focus the canvas like a user would
  const text = 'Ilham Aliyev received Ararat Mirzoyan — Ə, ə, “quotes”.';
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+KeyV', { delay: 50 });
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hasDocument);
  assert.equal((await documentJson(page)).text, text);
  assert.deepEqual(page.errors, []);
});

test('the page is crisp at device pixel ratio 2 and follows window resizes', async () => {
  const page = await env.open({ deviceScaleFactor: 2, viewport: { width: 800, height: 600 } });
  await pasteText(page, ARTICLE + '\n\n' + 'Ə ə Ş ş Ğ ğ İ ı — “quotes” … Москва '.repeat(40));
  await page.waitForFunction(() => JSON.parse(window.Module.testStateJson()).hasDocument);
  await waitForIdle(page);
  let state = await appState(page);
  assert.equal(state.dpr, 2);
  assert.equal(state.fontSize, 32);  // 16 CSS px at DPR 2
  let size = await page.evaluate(() => [canvas.width, canvas.height]);
  assert.deepEqual(size, [1600, 1200]);
  const linesBefore = state.article.lines;

  await page.setViewportSize({ width: 500, height: 600 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1000);
  await waitForIdle(page);
  state = await appState(page);
  size = await page.evaluate(() => [canvas.width, canvas.height]);
  assert.deepEqual(size, [1000, 1200]);
  assert.ok(state.article.lines > linesBefore, `narrower window should wrap into more lines: ${linesBefore} -> ${state.article.lines}`);
  await page.screenshot({ path: screenshotPath('paste-dpr2.png') });
  assert.deepEqual(page.errors, []);
});
