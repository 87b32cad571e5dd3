// Browsers that cannot run the app get a clear message instead of a blank page.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { screenshotPath, useBrowser } from './support.mjs';

const env = useBrowser();

test('without WebGL 2 the page says so', async () => {
  const page = await env.newPage();
  await page.addInitScript(() => {
    delete window.WebGL2RenderingContext;
  });
  await page.goto(env.url);
  await page.waitForSelector('#dyad-error:not([hidden])');
  assert.match(await page.textContent('#dyad-error'), /needs WebGL 2/);
  assert.equal(await page.isVisible('#dyad-loading'), false);
  await page.screenshot({ path: screenshotPath('no-webgl2.png') });
});

test('when a WebGL 2 context cannot be created (blocklisted GPU) the app says so', async () => {
  const page = await env.newPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  await page.goto(env.url);
  await page.waitForSelector('#dyad-error:not([hidden])');
  assert.match(await page.textContent('#dyad-error'), /needs WebGL 2/);
});

test('without WebAssembly the page says so', async () => {
  const page = await env.newPage();
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(env.url);
  await page.waitForSelector('#dyad-error:not([hidden])');
  assert.match(await page.textContent('#dyad-error'), /needs WebAssembly/);
});
