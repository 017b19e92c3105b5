/* Pelita tracking adapter for TinCan launches (Rustici's launch convention: endpoint, auth, actor, registration and
   activity_id in the query string). No dependencies besides xapi.js. The learner's place and answers are kept in
   localStorage, per LRS, learner, registration and activity (see docs/xapi-profile.md for why not the State API). */
(function (w) {
  'use strict';
  var X = w.PelitaXapi, failures = X.failures(), tracker = null, queue = null, key = '', saved = {}, unsaved = false;

  function first(v) { return Array.isArray(v) ? v[0] : v; }

  /* The launch's actor, also in the TinCan 0.9 form the convention's example uses (values in arrays). */
  function agent(json) {
    var a, out = { objectType: 'Agent' };
    try { a = JSON.parse(json); } catch (e) { return null; }
    if (!a || typeof a !== 'object') return null;
    if (a.name) out.name = String(first(a.name));
    if (a.mbox) {
      out.mbox = String(first(a.mbox));
      if (out.mbox.indexOf('mailto:') !== 0) out.mbox = 'mailto:' + out.mbox;
    } else if (a.mbox_sha1sum) {
      out.mbox_sha1sum = String(first(a.mbox_sha1sum));
    } else if (a.openid) {
      out.openid = String(first(a.openid));
    } else if (a.account) {
      var account = first(a.account);
      out.account = { homePage: account.homePage || account.accountServiceHomePage, name: account.name || account.accountName };
    } else {
      return null;
    }
    return out;
  }

  function write() {
    try {
      w.localStorage.setItem(key, JSON.stringify(saved));
    } catch (e) {
      if (!unsaved) failures.add({ kind: 'storage', message: String(e && e.name || e) });
      unsaved = true;
    }
  }

  /* Tracking must never break the module: an error is recorded as a failure, never thrown to pelita.js. */
  function safe(fn) {
    return function () {
      try {
        return fn.apply(null, arguments);
      } catch (e) {
        failures.add({ kind: 'runtime', message: String(e && e.message || e) });
      }
    };
  }

  function launch() {
    var p = new URLSearchParams(w.location.search), endpoint = p.get('endpoint') || '', actor = agent(p.get('actor') || '');
    var data = JSON.parse(w.document.getElementById('pelita-data').textContent);
    if (!endpoint || !actor || !data.xapi || !w.fetch) return { tracked: false };
    if (endpoint.slice(-1) !== '/') endpoint += '/';
    var registration = p.get('registration') || '';
    if (registration && !/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(registration)) {
      failures.add({ kind: 'launch', message: 'registration is not a UUID: left out' });
      registration = '';
    }
    var activity = p.get('activity_id') || data.xapi.activity;
    var who = JSON.stringify([endpoint, actor.mbox || actor.mbox_sha1sum || actor.openid || actor.account, registration]);
    key = 'pelita-tincan:' + JSON.stringify([who, activity]);
    try { saved = JSON.parse(w.localStorage.getItem(key) || '{}') || {}; } catch (e) { saved = {}; }
    var state = {};
    try { state = JSON.parse(saved.state || '{}') || {}; } catch (e) { state = {}; }
    var accepted = (p.get('Accept-Language') || '').split(',')[0].split(';')[0].trim();
    var language = p.get('lang') || accepted;
    queue = X.queue(endpoint, p.get('auth') || '', 'pelita-xapi:' + who, failures);
    tracker = X.tracker({ queue: queue, actor: actor, registration: registration, activity: activity, data: data,
      language: state.l || language || data.languages[0], status: saved.status, score: saved.score,
      grouping: p.get('grouping') ? [p.get('grouping')] : [] });
    tracker.initialized();
    return { tracked: true, status: saved.status || '', state: saved.state || '', location: saved.location || '',
      mastery: null, language: language };
  }

  w.PelitaTracking = {
    start: function () {
      try {
        return launch();
      } catch (e) {
        failures.add({ kind: 'launch', message: String(e && e.message || e) });
        return { tracked: false };
      }
    },
    saveState: safe(function (json, location) {
      saved.state = json;
      saved.location = location;
      write();
    }),
    progress: safe(function (status, score) {
      tracker.progress(status, score);
      saved.status = status;
      saved.score = score;
      write();
    }),
    step: safe(function (key, language) { tracker.step(key, language); }),
    answer: safe(function (a) { tracker.answer(a); }),
    result: safe(function (r) { tracker.result(r); }),
    language: safe(function (tag) { tracker.language(tag); }),
    commit: safe(function () { tracker.flush(); }),
    finish: safe(function () {
      tracker.terminated();
      queue.leave();
    }),
    failures: function () { return failures.all(); },
    pending: function () { return queue ? queue.pending() : 0; }
  };
})(window);
