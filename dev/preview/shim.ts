/**
 * The `google.script.run` / `google.script.host` stand-in injected at the start of the served
 * sidebar's <head>. Calls POST `{ fn, args }` to /api/run, which runs the real dist/Code.js on
 * the Apps Script fakes, then tell the parent page to refresh the sheet and the outbox.
 * Kept as plain ES5 text: it runs in the browser as is.
 */
export const SIDEBAR_SHIM = `<script>(function () {
  function notify(fn, ok) {
    try { window.parent.postMessage({ source: 'contract-audit-preview', type: 'server-call', fn: fn, ok: ok }, window.location.origin); } catch (e) {}
  }
  function runner(success, failure, userObject) {
    var base = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (object) { return runner(success, failure, object); }
    };
    return new Proxy(base, { get: function (target, name) {
      if (name in target) return target[name];
      if (typeof name !== 'string' || name === 'then') return undefined;
      return function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
          .then(function (response) { return response.json(); })
          .then(function (answer) {
            notify(name, answer.ok);
            if (answer.ok) { if (success) success(answer.result, userObject); return; }
            var error = new Error(answer.error);
            if (failure) failure(error, userObject); else console.error(error);
          }, function (problem) {
            var error = new Error('The preview server did not answer (' + problem.message + '). Is npm start still running?');
            if (failure) failure(error, userObject); else console.error(error);
          });
      };
    } });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { origin: window.location.origin, close: function () {}, setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () {} } }
  } };
})();</script>`;

/** Puts the shim first in <head> (or first in the document when there is no <head>). */
export function injectShim(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return SIDEBAR_SHIM + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + SIDEBAR_SHIM + html.slice(at);
}
