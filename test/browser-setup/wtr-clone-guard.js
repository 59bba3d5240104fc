// Inlined as a classic <script> at the top of every browser test page (web-test-runner.config.mjs).
//
// Works around modernweb-dev/web#2772: @web/dev-server-core 0.7 serialises every message to the
// test runner with structuredClone(). A failing assertion whose `actual` or `expected` is a DOM node
// or a function (e.g. expect(document.activeElement).to.equal(input)) throws DataCloneError there,
// the session never reports back, and the file hangs until testsFinishTimeout (120 s) instead of
// failing with a clear message.
//
// Only calls coming from the runner's own web-socket module are touched, and only after the native
// structuredClone has failed: code under test still sees the browser's real behaviour.
(function () {
  'use strict';
  var nativeClone = window.structuredClone;
  if (typeof nativeClone !== 'function') return;

  function describe(value) {
    if (typeof value === 'function') return '[Function' + (value.name ? ': ' + value.name : '') + ']';
    if (typeof value === 'symbol') return value.toString();
    if (typeof Element !== 'undefined' && value instanceof Element) {
      var tag = '<' + value.localName;
      if (value.id) tag += ' id="' + value.id + '"';
      var cls = value.getAttribute('class');
      if (cls) tag += ' class="' + cls + '"';
      return tag + '>';
    }
    if (typeof Node !== 'undefined' && value instanceof Node) return '[' + value.nodeName + ']';
    if (value === window) return '[Window]';
    try {
      return String(value);
    } catch (e) {
      return Object.prototype.toString.call(value);
    }
  }

  function cloneable(value, seen) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')) {
      return value;
    }
    if (typeof value !== 'object' || (typeof Node !== 'undefined' && value instanceof Node) || value === window) {
      return describe(value);
    }
    if (seen.has(value)) return seen.get(value);
    if (Array.isArray(value)) {
      var arr = [];
      seen.set(value, arr);
      for (var i = 0; i < value.length; i++) arr.push(cloneable(value[i], seen));
      return arr;
    }
    var proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      // Date, RegExp, Map, typed arrays...: keep them if the browser can clone them as they are.
      try {
        var copy = nativeClone(value);
        seen.set(value, copy);
        return copy;
      } catch (e) {
        /* fall through to a plain-object copy */
      }
    }
    var obj = {};
    seen.set(value, obj);
    for (var key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key)) {
        try {
          obj[key] = cloneable(value[key], seen);
        } catch (e) {
          obj[key] = '[unreadable]';
        }
      }
    }
    return obj;
  }

  window.structuredClone = function structuredClone(value, options) {
    try {
      return nativeClone.call(window, value, options);
    } catch (err) {
      var fromRunner = String(new Error().stack).indexOf('__web-dev-server__web-socket') !== -1;
      if (!fromRunner || !err || err.name !== 'DataCloneError') throw err;
      return nativeClone.call(window, cloneable(value, new Map()), options);
    }
  };
})();
