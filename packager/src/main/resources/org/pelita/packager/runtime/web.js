/* Pelita tracking adapter for the standalone web target (docs/xapi-profile.md). No dependencies besides xapi.js and
   pseudonym.js. The learner's pseudonymous code was entered on the start page and is kept in localStorage; without
   it the page sends the learner there. The actor is an account on the site's origin named by a keyed hash of the
   code; the learner's place and answers are kept in localStorage per module and code, so a second visit resumes. */
(function (w) {
  'use strict';
  var CODE = 'pelita-web:code';
  var X = w.PelitaXapi, P = w.PelitaPseudonym, failures = X.failures();
  var tracker = null, queue = null, waiting = [], off = false, who = null, key = '', saved = {}, unsaved = false;

  function record(kind, e) { failures.add({ kind: kind, message: String(e && e.message || e) }); }

  function x(fn) {
    if (off) return;
    if (!tracker) { waiting.push(fn); return; }
    try { fn(); } catch (e) { record('runtime', e); }
  }

  function write() {
    try {
      w.localStorage.setItem(key, JSON.stringify(saved));
    } catch (e) {
      if (!unsaved) record('storage', e && e.name || e);
      unsaved = true;
    }
  }

  function launch() {
    var data = JSON.parse(w.document.getElementById('pelita-data').textContent), cfg = data.lrs, code = null;
    try { code = w.localStorage.getItem(CODE); } catch (e) { code = null; }
    if (!code) {
      // No code on this device: the start page asks for one, then comes back.
      var page = w.location.pathname.match(/learn-([^\/]+)$/);
      w.location.replace(page ? 'start-' + page[1] : 'index.html');
      return { tracked: false };
    }
    key = 'pelita-web:' + JSON.stringify([data.xapi.activity, code]);
    try { saved = JSON.parse(w.localStorage.getItem(key) || '{}') || {}; } catch (e) { saved = {}; }
    var state = {};
    try { state = JSON.parse(saved.state || '{}') || {}; } catch (e) { state = {}; }
    if (!P.available() || !w.fetch) {
      off = true;
      record('launch', 'no Web Crypto or fetch (not a secure origin): nothing is sent');
    } else {
      P.of(cfg.pseudonymKey, 'web', code, data.xapi.activity, data.version).then(function (p) {
        who = p;
        queue = X.queue(cfg.endpoint, cfg.auth, 'pelita-xapi:' + JSON.stringify([cfg.endpoint, p.actor.account, p.registration]), failures);
        tracker = X.tracker({ queue: queue, actor: p.actor, registration: p.registration, activity: data.xapi.activity,
          data: data, language: state.l || data.languages[0], status: saved.status, score: saved.score });
        tracker.initialized();
        var calls = waiting;
        waiting = [];
        calls.forEach(x);
      }).then(null, function (e) { off = true; waiting = []; record('launch', e); });
    }
    return { tracked: true, status: saved.status || '', state: saved.state || '', location: saved.location || '',
      mastery: null, language: '' };
  }

  w.PelitaTracking = {
    start: function () {
      try {
        return launch();
      } catch (e) {
        off = true;
        record('launch', e);
        return { tracked: false };
      }
    },
    saveState: function (json, location) {
      saved.state = json;
      saved.location = location;
      write();
    },
    progress: function (status, score) {
      x(function () { tracker.progress(status, score); });
      saved.status = status;
      saved.score = score;
      write();
    },
    step: function (k, language) { x(function () { tracker.step(k, language); }); },
    answer: function (a) { x(function () { tracker.answer(a); }); },
    result: function (r) { x(function () { tracker.result(r); }); },
    language: function (tag) { x(function () { tracker.language(tag); }); },
    commit: function () { x(function () { tracker.flush(); }); },
    finish: function () { x(function () { tracker.terminated(); queue.leave(); }); },
    failures: function () { return failures.all(); },
    pending: function () { return queue ? queue.pending() : 0; },
    /* The pseudonymous actor and registration once ready (null before, or without xAPI): for tests and support. */
    pseudonym: function () { return who && JSON.parse(JSON.stringify(who)); }
  };
})(window);
