// Appended to dyad.js (--post-js). Emscripten 3.1.6's UTF-8 encoder pairs a lone surrogate with
// whatever code unit follows it ("a\uD800b" became "a" + U+10062), so text is made well-formed
// (lone surrogates -> U+FFFD, as TextEncoder does) before it crosses into C++.
(function () {
  function wellFormed(s) {
    if (typeof s !== 'string') return s;
    if (typeof s.toWellFormed === 'function') return s.toWellFormed();
    return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  }
  var previous = Module['onRuntimeInitialized'];
  Module['onRuntimeInitialized'] = function () {
    ['extract', 'extractPretty', 'validate', 'normalize'].forEach(function (name) {
      var raw = Module[name];
      if (typeof raw !== 'function') return;
      Module[name] = function (text) { return raw(wellFormed(text)); };
    });
    var addLexicon = Module['addLexicon'];
    if (typeof addLexicon === 'function') {
      Module['addLexicon'] = function (tsv, name) { return addLexicon(wellFormed(tsv), wellFormed(name === undefined ? '' : name)); };
    }
    // extract(text, {tokens: false, pretty: true}): the options of `dyad extract --no-tokens --pretty`.
    var plain = Module['extract'], withOptions = Module['extractWith'];
    if (typeof plain === 'function' && typeof withOptions === 'function') {
      Module['extract'] = function (text, options) {
        if (options === undefined || options === null) return plain(text);
        return withOptions(wellFormed(text), options.tokens !== false, options.pretty === true);
      };
    }
    if (previous) previous();
  };
})();
