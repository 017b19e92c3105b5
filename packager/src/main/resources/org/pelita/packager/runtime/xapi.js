/* Pelita xAPI core, shared by every xAPI adapter. No dependencies.
   tracker() turns the PelitaTracking calls into statements (docs/xapi-profile.md); queue() delivers them: kept in
   localStorage until the LRS has them, sent in batches, retried with backoff, resumed on the next load and when the
   browser is back online. Statement ids are made here, so a statement sent twice is stored once. */
(function (w) {
  'use strict';
  var VERBS = 'http://adlnet.gov/expapi/verbs/', EXT = 'urn:pelita:xapi:extension:';
  var ACT = 'http://adlnet.gov/expapi/activities/', PAGE = 'http://activitystrea.ms/schema/1.0/page';
  var BATCH = 25, MAX_DELAY = 60000, KEEPALIVE_BYTES = 60000, MAX_FAILURES = 50;

  /* RFC 4122 version 4 from the browser's cryptographic random numbers. */
  function uuid() {
    var b = new Uint8Array(16), h = [];
    w.crypto.getRandomValues(b);
    b[6] = b[6] & 15 | 64;
    b[8] = b[8] & 63 | 128;
    for (var i = 0; i < 16; i++) h.push((b[i] + 256).toString(16).slice(1));
    h = h.join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /* ISO 8601 duration with centiseconds, e.g. PT1H2M3.45S. */
  function duration(ms) {
    var cs = Math.max(0, Math.round(ms / 10)), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60;
    return 'PT' + (h ? h + 'H' : '') + (h || m ? m + 'M' : '') + (cs % 6000) / 100 + 'S';
  }

  function failuresList() {
    var list = [];
    return {
      add: function (f) {
        f.time = new Date().toISOString();
        if (list.length < MAX_FAILURES) list.push(f);
        if (w.console) w.console.warn('xAPI: ' + JSON.stringify(f));
      },
      all: function () { return list.slice(); }
    };
  }

  /* Statements waiting for the LRS. The whole queue is written to localStorage after every change, so closing the
     tab at any moment loses nothing; a statement leaves the queue only once the LRS has answered for it. */
  function queue(endpoint, auth, key, failures) {
    var items = [], gone = {}, busy = false, timer = 0, delay = 0, single = 0, stored = true, lastStatus = 0;

    /* Another page of the same launch (a second tab) may have queued statements too: merge, never overwrite. */
    function persist() {
      load();
      try {
        if (items.length) w.localStorage.setItem(key, JSON.stringify(items));
        else w.localStorage.removeItem(key);
        stored = true;
      } catch (e) {
        // Full quota or no storage: keep the statements in memory for this visit and say so once.
        if (stored) failures.add({ kind: 'storage', message: String(e && e.name || e) });
        stored = false;
      }
    }

    function load() {
      var saved = [];
      try { saved = JSON.parse(w.localStorage.getItem(key) || '[]'); } catch (e) { saved = []; }
      if (!Array.isArray(saved)) saved = [];
      var known = {};
      items.forEach(function (s) { known[s.id] = 1; });
      saved.forEach(function (s) { if (s && s.id && !known[s.id] && !gone[s.id]) items.push(s); });
    }

    function post(batch, keepalive) {
      var headers = { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' };
      if (auth) headers.Authorization = auth;
      return w.fetch(endpoint + 'statements', { method: 'POST', headers: headers, body: JSON.stringify(batch),
        keepalive: !!keepalive, credentials: 'omit', cache: 'no-store' });
    }

    function remove(batch) {
      batch.forEach(function (s) { gone[s.id] = 1; });
      items = items.filter(function (s) { return !gone[s.id]; });
      persist();
    }

    function later() {
      delay = Math.min(MAX_DELAY, delay ? delay * 2 : 1000);
      clearTimeout(timer);
      timer = setTimeout(flush, delay + Math.random() * delay / 4);
    }

    function flush() {
      clearTimeout(timer);
      timer = 0;
      if (busy || !items.length) return;
      var batch = items.slice(0, single ? 1 : BATCH);
      busy = true;
      post(batch).then(function (res) {
        var status = res.status;
        // 409 for one statement: its id is already stored (xAPI: statements are immutable), so it is delivered.
        if (res.ok || status === 409 && batch.length === 1) {
          busy = false;
          delay = 0;
          lastStatus = 0;
          if (single) single = Math.max(0, single - batch.length);
          remove(batch);
          return flush();
        }
        if (status === 401 || status === 403 || status === 408 || status === 429 || status >= 500) {
          busy = false;
          if (status !== lastStatus) failures.add({ kind: 'http', status: status, waiting: items.length });
          lastStatus = status;
          return later();
        }
        // Another 4xx refuses the whole batch for one statement: send them one by one to find it, and drop only it.
        if (batch.length > 1) {
          busy = false;
          single = batch.length;
          return flush();
        }
        return res.text().then(function (text) {
          failures.add({ kind: 'refused', status: status, id: batch[0].id, verb: (batch[0].verb || {}).id, message: text.slice(0, 500) });
        }, function () {}).then(function () {
          busy = false;
          if (single) single--;
          remove(batch);
          flush();
        });
      }, function () {
        // Offline, or an LRS that refuses this origin (CORS): the browser does not say which. Noted once per outage.
        busy = false;
        if (lastStatus !== -1) failures.add({ kind: 'network', online: w.navigator.onLine, waiting: items.length });
        lastStatus = -1;
        later();
      });
    }

    /* For pagehide: what fits in a keepalive request (64 KiB for all of them) goes now; the rest waits in storage. */
    function leave() {
      persist();
      var batch = [], size = 0;
      for (var i = 0; i < items.length && batch.length < BATCH; i++) {
        size += JSON.stringify(items[i]).length;
        if (size > KEEPALIVE_BYTES) break;
        batch.push(items[i]);
      }
      if (!batch.length) return;
      try {
        post(batch, true).then(function (res) { if (res.ok) remove(batch); }, function () {});
      } catch (e) { /* the statements stay in storage for the next visit */ }
    }

    load();
    w.addEventListener('online', function () { delay = 0; flush(); });
    return {
      add: function (statement) {
        items.push(statement);
        persist();
        if (!timer && !busy) timer = setTimeout(flush, 0);
      },
      flush: function () { if (!delay) flush(); },
      leave: leave,
      pending: function () { return items.length; }
    };
  }

  function extensionsOf(version, kind) {
    var e = {};
    e[EXT + 'module-version'] = version;
    if (kind) e[EXT + 'quiz-kind'] = kind;
    return e;
  }

  /* o: queue, actor, registration, activity (module IRI), data (the page's runtime data), language, status and
     score (the last reported), grouping (extra grouping activity IRIs, e.g. from the launch), decorate (optional:
     called with each statement before it is queued). */
  function tracker(o) {
    var x = o.data.xapi, version = o.data.version, language = o.language, status = o.status || '', percent = o.score;
    var started = Date.now(), lastStep = null, moduleRef = { objectType: 'Activity', id: o.activity };
    var moduleActivity = activity('', ACT + 'course', x.name);

    function activity(path, type, name, definition) {
      var d = definition || { type: type, name: name };
      return { objectType: 'Activity', id: o.activity + path, definition: d };
    }
    function ref(path) { return { objectType: 'Activity', id: o.activity + path }; }
    /* A lesson is only ever a context activity: its definition travels there, so that reports can name it. */
    function lessonActivity(id) { return activity(x.lessons[id].path, ACT + 'module', x.lessons[id].name); }
    function done(s) { return s === 'completed' || s === 'passed'; }

    function send(verb, object, result, parent, lesson, kind) {
      var grouping = object === moduleActivity ? [] : [moduleRef];
      if (lesson && x.lessons[lesson]) grouping.push(lessonActivity(lesson));
      (o.grouping || []).forEach(function (id) { grouping.push({ objectType: 'Activity', id: id }); });
      var context = { platform: 'Pelita', language: language, extensions: extensionsOf(version, kind), contextActivities: {} };
      if (o.registration) context.registration = o.registration;
      if (grouping.length) context.contextActivities.grouping = grouping;
      if (parent) context.contextActivities.parent = [parent];
      else if (!grouping.length) delete context.contextActivities;
      var statement = { id: uuid(), actor: o.actor, verb: { id: VERBS + verb, display: { 'en-US': verb } }, object: object,
        context: context, timestamp: new Date().toISOString() };
      if (result) statement.result = result;
      if (o.decorate) o.decorate(statement); // e.g. cmi5: the LMS's context template
      o.queue.add(statement);
    }

    /* The runtime records responses in SCORM 1.2 form: t/f, and "," and "." where xAPI has "[,]" and "[.]". */
    function response(type, r) {
      if (type === 'true-false') return r === 't' ? 'true' : r === 'f' ? 'false' : '';
      if (type === 'fill-in') return r;
      return r.split(',').map(function (p) { return p.split('.').join('[.]'); }).join('[,]');
    }

    function score(right, total) {
      return { scaled: total ? Math.round(right * 10000 / total) / 10000 : 0, raw: right, min: 0, max: total };
    }

    function quiz(id) {
      var q = x.quizzes[id];
      return { act: activity(q.path, ACT + 'assessment', q.name), lesson: q.lesson, kind: o.data.quizzes[id].kind };
    }

    return {
      initialized: function () { send('initialized', moduleActivity); },
      language: function (tag) { language = tag; },
      /* A page shown: experienced (once per visit of the page, not again for a change of language). */
      step: function (key, tag) {
        if (tag) language = tag;
        if (key === lastStep) return;
        lastStep = key;
        var p = x.pages[key];
        if (p) send('experienced', activity(p.path, PAGE, p.name), null, lessonActivity(p.lesson));
      },
      answer: function (a) {
        var q = x.questions[a.id], z = quiz(q.quiz);
        send('answered', activity(q.path, null, null, q.definition),
          { response: response(a.type, a.response), success: !!a.correct, score: score(a.correct ? 1 : 0, 1), duration: duration(a.latency) },
          ref(x.quizzes[q.quiz].path), z.lesson, z.kind);
      },
      /* A pre-test or post-test submitted: passed/failed against the mastery score, else completed with the score. */
      result: function (r) {
        var z = quiz(r.quiz), result = { score: score(r.right, r.total), completion: true };
        var verb = 'completed';
        if (r.mastery !== null && r.mastery !== undefined) {
          result.success = r.score >= r.mastery;
          verb = result.success ? 'passed' : 'failed';
        }
        send(verb, z.act, result, null, z.lesson, z.kind);
      },
      /* The module's status: passed/failed with the post-test's score (percent) when either changes (not again on
         a relaunch that reports the same), completed once it is done. */
      progress: function (next, score) {
        if ((next === 'passed' || next === 'failed') && (next !== status || score !== percent)) {
          var result = { success: next === 'passed' };
          if (score !== null) result.score = { scaled: Math.round(score * 100) / 10000, raw: score, min: 0, max: 100 };
          send(next, moduleActivity, result);
        }
        if (done(next) && !done(status)) send('completed', moduleActivity, { completion: true });
        status = next;
        percent = score;
      },
      terminated: function () { send('terminated', moduleActivity, { duration: duration(Date.now() - started) }); },
      flush: function () { o.queue.flush(); }
    };
  }

  w.PelitaXapi = { uuid: uuid, duration: duration, failures: failuresList, queue: queue, tracker: tracker };
})(window);
