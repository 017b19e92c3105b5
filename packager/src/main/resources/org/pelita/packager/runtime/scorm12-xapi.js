/* Pelita tracking for SCORM 1.2 packages that also report to an LRS named at build time (docs/xapi-profile.md).
   Loads after xapi.js, pseudonym.js and scorm12.js: every PelitaTracking call goes to the SCORM 1.2 adapter, unchanged, and to the
   xAPI core. The actor is an account on the LMS's origin whose name is an HMAC-SHA-256 (Web Crypto) of
   cmi.core.student_id: the LRS never receives the LMS's identifier. The registration is derived from the same
   pseudonym and the module version, so relaunches of one attempt share it. */
(function (w) {
  'use strict';
  var scorm = w.PelitaTracking, X = w.PelitaXapi, P = w.PelitaPseudonym, failures = X.failures();
  var tracker = null, queue = null, waiting = [], off = false, who = null;

  /* The API object scorm12.js found (RTE 3.3.6.1), to read the student id it does not expose. */
  function search(win) {
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        if (win.API && win.API.LMSInitialize) return win.API;
      } catch (e) { /* another origin */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function api() {
    var found = search(w);
    try {
      if (!found && w.opener) found = search(w.opener);
      if (!found && w.top.opener) found = search(w.top.opener);
    } catch (e) { /* opener of another origin */ }
    return found;
  }

  function get(lms, element) {
    var value = String(lms.LMSGetValue(element));
    var code = String(lms.LMSGetLastError());
    return code === '0' || code === '' ? value : '';
  }

  function record(kind, e) { failures.add({ kind: kind, message: String(e && e.message || e) }); }

  /* xAPI calls made before the pseudonym is ready wait here (a few milliseconds); tracking never throws. */
  function x(fn) {
    if (off) return;
    if (!tracker) { waiting.push(fn); return; }
    try { fn(); } catch (e) { record('runtime', e); }
  }

  function begin(info) {
    var data = JSON.parse(w.document.getElementById('pelita-data').textContent), cfg = data.lrs, lms = api();
    var student = lms ? get(lms, 'cmi.core.student_id') : '';
    if (!cfg || !data.xapi || !w.fetch || !student) throw new Error('no LRS, no fetch or no cmi.core.student_id: xAPI off');
    if (!P.available()) throw new Error('no Web Crypto (not a secure origin): xAPI off');
    var score = parseFloat(get(lms, 'cmi.core.score.raw')), state = {};
    try { state = JSON.parse(info.state || '{}') || {}; } catch (e) { state = {}; }
    P.of(cfg.pseudonymKey, 'scorm12', student, data.xapi.activity, data.version).then(function (p) {
      who = p;
      queue = X.queue(cfg.endpoint, cfg.auth, 'pelita-xapi:' + JSON.stringify([cfg.endpoint, p.actor.account, p.registration]), failures);
      tracker = X.tracker({ queue: queue, actor: p.actor, registration: p.registration, activity: data.xapi.activity, data: data,
        language: state.l || info.language || data.languages[0], status: info.status, score: isNaN(score) ? null : score });
      tracker.initialized();
      var calls = waiting;
      waiting = [];
      calls.forEach(x);
    }).then(null, function (e) { off = true; waiting = []; record('launch', e); });
  }

  w.PelitaTracking = {
    start: function () {
      var info = scorm.start();
      if (!info.tracked) { off = true; return info; }
      try { begin(info); } catch (e) { off = true; record('launch', e); }
      return info;
    },
    saveState: function (json, location) { scorm.saveState(json, location); },
    progress: function (status, score) {
      scorm.progress(status, score);
      x(function () { tracker.progress(status, score); });
    },
    step: function (key, language) { x(function () { tracker.step(key, language); }); },
    answer: function (a) {
      scorm.answer(a);
      x(function () { tracker.answer(a); });
    },
    result: function (r) { x(function () { tracker.result(r); }); },
    language: function (tag) {
      scorm.language(tag);
      x(function () { tracker.language(tag); });
    },
    commit: function () {
      scorm.commit();
      x(function () { tracker.flush(); });
    },
    finish: function (done) {
      scorm.finish(done);
      x(function () { tracker.terminated(); queue.leave(); });
    },
    /* The SCORM adapter's failures (LMS error codes), then the xAPI ones (kind: storage, http, network, ...). */
    failures: function () { return scorm.failures().concat(failures.all()); },
    pending: function () { return queue ? queue.pending() : 0; },
    /* The pseudonymous actor and registration once ready (null before, or without xAPI): for tests and support. */
    pseudonym: function () { return who && JSON.parse(JSON.stringify(who)); }
  };
})(window);
