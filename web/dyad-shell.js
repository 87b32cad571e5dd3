// dyad page glue. Runs before the emscripten script (dyad-app.js), on purpose:
//  - its window key listeners are registered before GLFW's, so they can keep keys typed into
//    DOM fields (the paste box) away from GLFW, which listens on window in the capture phase;
//  - it defines Module (canvas, error reporting) before the runtime reads it.
// Everything that talks to the wasm side lives in wasm/app/platform_web.cpp.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const errorBox = document.getElementById('dyad-error');
  const pasteBox = document.getElementById('dyad-paste-box');
  const pasteText = document.getElementById('dyad-paste-text');

  function isEditable(el) {
    return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' ||
                    el.isContentEditable);
  }

  // GLFW would see (and preventDefault Backspace/Tab of) every key typed into the paste box.
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (event) => {
      if (isEditable(event.target)) event.stopImmediatePropagation();
    }, true);
  }

  // Ctrl+S / Ctrl+O are the app's download and open; keep the browser's own dialogs away.
  window.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !isEditable(event.target) &&
        (event.key === 's' || event.key === 'S' || event.key === 'o' || event.key === 'O')) {
      event.preventDefault();
    }
  }, true);

  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  // Keys reach GLFW wherever focus is; focusing the canvas on press keeps Ctrl+V's paste event
  // (and future copy events) on the page rather than on a stale DOM field.
  canvas.addEventListener('mousedown', () => canvas.focus({ preventScroll: true }));

  let failed = false;
  function fail(message) {
    if (failed) return;
    failed = true;
    errorBox.textContent = message;
    errorBox.hidden = false;
    document.body.classList.add('dyad-failed');
    document.getElementById('dyad-loading').hidden = true;
  }

  function missingFeature() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return 'dyad needs WebAssembly, which this browser does not support or has turned off. ' +
             'Please use a current Firefox, Chrome, Edge or Safari.';
    }
    // No trial context here: creating one costs 100+ ms with software GL. If the browser has
    // WebGL 2 but cannot create a context (blocklisted GPU), the app reports it when it starts.
    if (typeof WebGL2RenderingContext === 'undefined') {
      return 'dyad needs WebGL 2, which this browser does not support or has turned off ' +
             '(check that hardware acceleration is enabled). Please use a current Firefox, ' +
             'Chrome, Edge or Safari.';
    }
    return null;
  }

  const missing = missingFeature();
  if (missing) fail(missing);

  window.Module = {
    canvas: canvas,
    // Without WebGL 2 the app cannot draw: load nothing further than the message.
    noInitialRun: !!missing,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => fail('dyad stopped unexpectedly (' + what + '). Reload the page to start again.'),
  };

  pasteBox.addEventListener('close', () => {
    if (pasteBox.returnValue === 'load' && pasteText.value && window.Module.loadArticle) {
      window.Module.loadArticle(pasteText.value);
    }
    pasteText.value = '';
    canvas.focus({ preventScroll: true });
  });

  // Called from wasm/app/platform_web.cpp.
  window.dyadShell = {
    ready() {
      window.dyadShell.readyAt = performance.now();  // first frame, ms after navigation start
      document.body.classList.add('dyad-ready');
    },
    fail,
    openPasteBox() {
      if (pasteBox.open) return;
      pasteBox.returnValue = '';
      pasteBox.showModal();
      pasteText.focus();
    },
    announce(message) {
      const live = document.getElementById('dyad-live');
      live.textContent = message;
    },
  };
})();
