/* Pelita tracking adapter for cmi5 launches (cmi5 sections 8 to 11): endpoint, fetch, registration, activityId and
   actor in the query string; the auth token from the fetch URL (once per session, kept in sessionStorage for a reload);
   LMS.LaunchData from the State resource; the learner's language from the cmi5LearnerPreferences agent profile.
   cmi5 defined statements (initialized, completed, passed/failed, terminated) are about the launch's activityId and
   carry the LMS's context template and the cmi5 category; the module's own statements (experienced, answered…) are
   cmi5 allowed statements with the template but without the category. Everything goes through the xapi.js queue.
   The LMS's answers arrive after the page has started, so calls before then wait in memory (docs/xapi-profile.md). */
(function (w) {
  'use strict';
  var X = w.PelitaXapi, failures = X.failures();
  var VERBS = 'http://adlnet.gov/expapi/verbs/', CMI5 = 'https://w3id.org/xapi/cmi5/context/';
  var CATEGORY = CMI5 + 'categories/cmi5', MOVE_ON = CMI5 + 'categories/moveon', MASTERY = CMI5 + 'extensions/masteryscore';
  var MAX_DELAY = 60000;
  var p, data, actor, endpoint, registration, activityId, fetchUrl, localKey = '', sessionKey = '';
  var saved = {}, session = {}, unsaved = false, queue = null, tracker = null, ready = false, waiting = [];
  var template = {}, mode = 'Normal', lmsMastery = null, returnURL = '', started = Date.now(), language = '', ended = false;
  var local = false; // the session ended, or its launch failed: the place is kept here, nothing is sent
  var resumed = false, lastTime = 0, dirty = false;

  function parse(json) { try { return JSON.parse(json); } catch (e) { return null; } }
  function copy(v) { return JSON.parse(JSON.stringify(v)); }
  function done(s) { return s === 'completed' || s === 'passed'; }

  /* Browse and Review leave no result behind (cmi5 10.2.2): until the launch mode is known, writes wait. */
  function writeLocal() {
    if (!ready && !local) {
      dirty = true;
      return;
    }
    if (mode !== 'Normal') return;
    try {
      w.localStorage.setItem(localKey, JSON.stringify(saved));
    } catch (e) {
      if (!unsaved) failures.add({ kind: 'storage', message: String(e && e.name || e) });
      unsaved = true;
    }
  }

  function writeSession() {
    try { w.sessionStorage.setItem(sessionKey, JSON.stringify(session)); } catch (e) { /* a reload then asks again */ }
  }

  function safe(fn) {
    return function () {
      try {
        return fn.apply(null, arguments);
      } catch (e) {
        failures.add({ kind: 'runtime', message: String(e && e.message || e) });
      }
    };
  }

  /* Runs now when the LMS's launch data is in, else once it is (in call order). */
  function when(fn) {
    if (local) return;
    if (ready) fn();
    else waiting.push(fn);
  }

  /* A request that waits and tries again (1, 2, 4 … 60 s) while the network or the server fails. */
  function retrying(request) {
    var delay = 0;
    return new Promise(function (resolve, reject) {
      (function attempt() {
        request().then(function (res) {
          if (res.status >= 500 || res.status === 408 || res.status === 429) throw new Error('status ' + res.status);
          resolve(res);
        }).catch(function (e) {
          if (e && e.fatal) return reject(e);
          delay = Math.min(MAX_DELAY, delay ? delay * 2 : 1000);
          setTimeout(attempt, delay);
        });
      })();
    });
  }

  /* cmi5 8.2: one POST to the fetch URL gives the session's token; a second one is an error the LMS reports. */
  function token() {
    if (session.token) return Promise.resolve(session.token);
    return retrying(function () {
      return w.fetch(fetchUrl, { method: 'POST', cache: 'no-store' });
    }).then(function (res) { return res.json(); }).then(function (body) {
      if (!body || !body['auth-token']) {
        var error = new Error('fetch URL: error-code ' + (body && body['error-code']) + ': ' + (body && body['error-text']));
        error.fatal = true;
        throw error;
      }
      session.token = 'Basic ' + body['auth-token'];
      writeSession();
      return session.token;
    });
  }

  function get(path, auth, missingOk) {
    return retrying(function () {
      return w.fetch(endpoint + path, { headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' },
        credentials: 'omit', cache: 'no-store' });
    }).then(function (res) {
      if (res.status === 404 && missingOk) return null;
      if (!res.ok) {
        var error = new Error('GET ' + path.split('?')[0] + ': ' + res.status);
        error.fatal = true;
        throw error;
      }
      return res.json();
    });
  }

  /* cmi5 orders statements by timestamp: each one gets a later one than the last, even in the same millisecond. */
  function timestamp() {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  }

  /* The context every statement gets: the LMS's template, never overwritten, plus Pelita's own values. */
  function decorate(statement, defined, moveOn) {
    statement.timestamp = timestamp();
    var c = statement.context || {}, t = copy(template), a = c.contextActivities || {}, ta = t.contextActivities || {};
    for (var k in t) if (k !== 'contextActivities' && k !== 'extensions') c[k] = t[k];
    c.registration = registration;
    c.extensions = c.extensions || {};
    for (var e in t.extensions || {}) c.extensions[e] = t.extensions[e];
    for (var list in ta) {
      var known = {};
      a[list] = (a[list] || []).concat(ta[list]).filter(function (x) { return !known[x.id] && (known[x.id] = 1); });
    }
    if (defined) {
      a.category = (a.category || []).concat([{ objectType: 'Activity', id: CATEGORY }]);
      if (moveOn) a.category.push({ objectType: 'Activity', id: MOVE_ON });
    }
    c.contextActivities = a;
    if (!Object.keys(a).length) delete c.contextActivities;
    statement.context = c;
  }

  /* A cmi5 defined statement about the AU (the launch's activityId). */
  function defined(verb, result, extensions) {
    var context = { platform: 'Pelita', language: language, extensions: extensions || {} };
    context.extensions['urn:pelita:xapi:extension:module-version'] = data.version;
    var s = { id: X.uuid(), actor: actor, verb: { id: VERBS + verb, display: { 'en-US': verb } },
      object: { objectType: 'Activity', id: activityId }, context: context, timestamp: new Date().toISOString() };
    if (result) s.result = result;
    decorate(s, true, !!result && ('success' in result || 'completion' in result));
    queue.add(s);
  }

  /* The mastery score in force, 0 to 1: the LMS's (LMS.LaunchData) over the package's; null when nothing is judged. */
  function mastery() {
    if (lmsMastery !== null) return lmsMastery;
    return data.mastery === null || data.mastery === undefined ? null : data.mastery / 100;
  }

  /* cmi5 9.3: completed once and passed once per registration, one of passed/failed per session, never failed after
     passed, nothing of that in Browse or Review. A pass after a failure in the same session is sent next session. */
  function evaluate() {
    if (mode !== 'Normal' || ended) return;
    var sent = saved.sent = saved.sent || {}, score = saved.score, m = mastery();
    var judged = score !== null && score !== undefined && m !== null;
    var pass = judged && score >= Math.round(m * 10000) / 100;
    var elapsed = X.duration(Date.now() - started);
    // Judged: completed goes with passed (as SCORM's passed implies completed); else when the module is done.
    if ((judged ? pass : done(saved.status)) && !sent.completed) {
      defined('completed', { completion: true, duration: elapsed });
      sent.completed = true;
    }
    // A failure already told in an earlier session (a relaunch reports the same best score) is not told again.
    if (judged && !sent.passed && !session.judged && (pass || sent.failedScore !== score)) {
      var extensions = {};
      if (lmsMastery !== null) extensions[MASTERY] = lmsMastery;
      // cmi5 9.5.1: raw is an integer (a percentage such as 66.67 is rounded; scaled keeps four decimals).
      defined(pass ? 'passed' : 'failed', { score: { scaled: Math.round(score * 100) / 10000, raw: Math.round(score), min: 0, max: 100 },
        success: pass, duration: elapsed }, extensions);
      if (pass) sent.passed = true;
      else sent.failedScore = score;
      session.judged = true;
      writeSession();
    }
    writeLocal();
  }

  /* cmi5 11: the first language of languagePreference the package has (exact tag, then primary subtag). */
  function preferredLanguage(profile) {
    var wanted = String(profile && profile.languagePreference || '').split(',');
    for (var i = 0; i < wanted.length; i++) {
      var tag = wanted[i].trim().toLowerCase();
      for (var j = 0; j < data.languages.length; j++) {
        var l = data.languages[j].toLowerCase();
        if (tag && (l === tag || l.split('-')[0] === tag.split('-')[0])) return data.languages[j];
      }
    }
    return '';
  }

  /* Leaves for the LMS's returnURL (cmi5 10.2.6) after terminated: a link at the end of the module. */
  function offerReturn() {
    if (!returnURL) return;
    Array.prototype.forEach.call(w.document.querySelectorAll('.lang [data-summary]'), function (summary) {
      var lang = summary.closest('.lang').getAttribute('lang'), para = w.document.createElement('p');
      var link = w.document.createElement('a');
      link.href = returnURL;
      link.className = 'button primary';
      link.setAttribute('data-cmi5-return', '');
      link.textContent = (data.ui[lang] || {}).next || 'Next';
      link.addEventListener('click', function (e) {
        e.preventDefault();
        exit();
      });
      para.appendChild(link);
      summary.appendChild(para);
    });
  }

  function end() {
    if (ended || !ready) return;
    ended = true;
    defined('terminated', { duration: X.duration(Date.now() - started) });
    session.terminated = true;
    writeSession();
    queue.leave();
  }

  function exit() {
    end();
    w.location.href = returnURL;
  }

  function begin(launchData, profile) {
    launchData = launchData || {};
    template = launchData.contextTemplate || {};
    mode = launchData.launchMode || 'Normal';
    lmsMastery = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : null;
    returnURL = launchData.returnURL || '';
    tracker = X.tracker({ queue: queue, actor: actor, registration: registration, activity: data.xapi.activity, data: data,
      language: language, status: saved.status, score: saved.score,
      decorate: function (s) { decorate(s, false, false); } });
    ready = true;
    if (dirty) writeLocal();
    if (!session.initialized) {
      defined('initialized');
      session.initialized = true;
      writeSession();
    }
    var choice = preferredLanguage(profile), select = w.document.getElementById('pelita-lang');
    if (choice && !resumed && select && select.value !== choice) {
      select.value = choice;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    evaluate(); // what an earlier session could not send yet
    waiting.splice(0).forEach(function (fn) { fn(); });
    offerReturn();
  }

  function connect() {
    var agent = encodeURIComponent(JSON.stringify(actor));
    token().then(function (auth) {
      var who = JSON.stringify([endpoint, actor.account, registration]);
      queue = X.queue(endpoint, auth, 'pelita-xapi:' + who, failures);
      return Promise.all([
        get('activities/state?stateId=LMS.LaunchData&activityId=' + encodeURIComponent(activityId) + '&agent=' + agent
          + '&registration=' + encodeURIComponent(registration), auth, false),
        get('agents/profile?profileId=cmi5LearnerPreferences&agent=' + agent, auth, true).catch(function () { return null; })
      ]);
    }).then(function (r) {
      begin(r[0], r[1]);
    }).catch(function (e) {
      // Without the token or the launch data nothing can be sent in this session: keep the place, drop the rest.
      failures.add({ kind: 'launch', message: String(e && e.message || e) });
      local = true;
      waiting = [];
      if (dirty) writeLocal();
    });
  }

  function launch() {
    p = new URLSearchParams(w.location.search);
    data = JSON.parse(w.document.getElementById('pelita-data').textContent);
    endpoint = p.get('endpoint') || '';
    fetchUrl = p.get('fetch') || '';
    registration = p.get('registration') || '';
    activityId = p.get('activityId') || '';
    actor = parse(p.get('actor') || '');
    if (!endpoint || !fetchUrl || !registration || !activityId || !data.xapi || !w.fetch) return { tracked: false };
    if (!actor || typeof actor !== 'object' || !actor.account) {
      failures.add({ kind: 'launch', message: 'the actor is not an Agent with an account (cmi5 9.2)' });
      return { tracked: false };
    }
    if (endpoint.slice(-1) !== '/') endpoint += '/';
    sessionKey = 'pelita-cmi5-session:' + fetchUrl;
    try { session = JSON.parse(w.sessionStorage.getItem(sessionKey) || '{}') || {}; } catch (e) { session = {}; }
    if (session.terminated) {
      // cmi5 9.3: nothing after terminated in a session. The learner's place is kept; results go at the next launch.
      failures.add({ kind: 'launch', message: 'this cmi5 session has ended: the LMS must launch the AU again' });
      local = true;
    }
    localKey = 'pelita-cmi5:' + JSON.stringify([endpoint, actor.account, registration, activityId]);
    try { saved = JSON.parse(w.localStorage.getItem(localKey) || '{}') || {}; } catch (e) { saved = {}; }
    var state = parse(saved.state || '{}') || {};
    resumed = !!saved.state;
    language = state.l || data.languages[0];
    if (!local) connect();
    return { tracked: true, status: saved.status || '', state: saved.state || '', location: saved.location || '',
      mastery: null, language: '' };
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
      writeLocal();
    }),
    progress: safe(function (status, score) {
      saved.status = status;
      saved.score = score;
      writeLocal();
      when(evaluate);
    }),
    step: safe(function (key, tag) {
      if (tag) language = tag;
      when(function () { tracker.step(key, tag); });
    }),
    answer: safe(function (a) { when(function () { tracker.answer(a); }); }),
    result: safe(function (r) {
      when(function () {
        // Passed or failed against the mastery score in force: the LMS's when it gave one.
        if (r.mastery !== null && r.mastery !== undefined && lmsMastery !== null) r.mastery = Math.round(lmsMastery * 10000) / 100;
        tracker.result(r);
      });
    }),
    language: safe(function (tag) {
      language = tag;
      when(function () { tracker.language(tag); });
    }),
    commit: safe(function () { if (queue) queue.flush(); }),
    finish: safe(function () { end(); }),
    failures: function () { return failures.all(); },
    pending: function () { return queue ? queue.pending() + waiting.length : waiting.length; },
    /* For the launching page and tests: whether the LMS's launch data is in, and the launch mode. */
    launchMode: function () { return ready ? mode : ''; }
  };
})(window);
