/* Pelita tracking adapter for SCORM 1.2 (ADL SCORM 1.2 Run-Time Environment). No dependencies.
   Gives pelita.js one small interface (window.PelitaTracking) and maps it onto the cmi data model. */
(function (w) {
  'use strict';
  var api = null, live = false, started = 0, count = 0, failures = [];

  /* RTE 3.3.6.1: the LMS puts an object named API in a window above the SCO: search the parents, then the opener. */
  function search(win) {
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        if (win.API && win.API.LMSInitialize) return win.API;
      } catch (e) { /* a window of another origin: keep climbing */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function find() {
    var found = search(w);
    try {
      if (!found && w.opener) found = search(w.opener);
      if (!found && w.top.opener) found = search(w.top.opener);
    } catch (e) { /* opener of another origin */ }
    return found;
  }

  /* Every call is followed by LMSGetLastError (RTE 3.3.4): failures are kept and logged, never shown to learners. */
  function ok(call, args) {
    var code = String(api.LMSGetLastError());
    if (code === '0' || code === '') return true;
    var failure = { call: call, args: args, code: code, text: String(api.LMSGetErrorString(code) || ''),
      diagnostic: String(api.LMSGetDiagnostic(code) || '') };
    failures.push(failure);
    if (w.console) w.console.warn('SCORM ' + call + '(' + args.join(', ') + ') failed: ' + code + ' ' + failure.text);
    return false;
  }

  function get(element) {
    var value = String(api.LMSGetValue(element));
    return ok('LMSGetValue', [element]) ? value : '';
  }

  function set(element, value) {
    var result = String(api.LMSSetValue(element, String(value)));
    return ok('LMSSetValue', [element, value]) && result === 'true';
  }

  function pad(n, width) {
    n = String(n);
    while (n.length < width) n = '0' + n;
    return n;
  }

  /* CMITimespan: HHHH:MM:SS.SS with 2 to 4 hour digits; Moodle refuses any other form (PT5S, 0:0:5). */
  function span(ms) {
    var cs = Math.max(0, Math.round(ms / 10)), h = Math.floor(cs / 360000);
    if (h > 9999) return '9999:59:59.99';
    return pad(h, 2) + ':' + pad(Math.floor(cs / 6000) % 60, 2) + ':' + pad(Math.floor(cs / 100) % 60, 2) + '.' + pad(cs % 100, 2);
  }

  /* CMITime: the time of day, HH:MM:SS. */
  function clock(date) {
    return pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2);
  }

  w.PelitaTracking = {
    start: function () {
      api = find();
      if (!api) return { tracked: false };
      var initialized = String(api.LMSInitialize('')) === 'true';
      if (!ok('LMSInitialize', ['']) || !initialized) return { tracked: false };
      live = true;
      started = Date.now();
      count = parseInt(get('cmi.interactions._count'), 10) || 0;
      var mastery = parseFloat(get('cmi.student_data.mastery_score'));
      return {
        tracked: true,
        status: get('cmi.core.lesson_status'),
        entry: get('cmi.core.entry'),
        state: get('cmi.suspend_data'),
        location: get('cmi.core.lesson_location'),
        mastery: isNaN(mastery) ? null : mastery,
        language: get('cmi.student_preference.language')
      };
    },
    saveState: function (json, location) {
      if (!live) return;
      set('cmi.suspend_data', json);
      set('cmi.core.lesson_location', location);
    },
    /* The score goes first: an LMS that derives passed/failed from it (Moodle's mastery override) then sees both. */
    progress: function (status, score) {
      if (!live) return;
      if (score !== null) {
        set('cmi.core.score.min', '0');
        set('cmi.core.score.max', '100');
        set('cmi.core.score.raw', String(score));
      }
      set('cmi.core.lesson_status', status);
    },
    /* Interactions are journaled: each answer appends record n = _count, starting with its id (RTE 3.4.2.6). */
    answer: function (a) {
      if (!live) return;
      var n = 'cmi.interactions.' + count + '.';
      if (!set(n + 'id', a.id)) return;
      count++;
      set(n + 'time', clock(a.time));
      set(n + 'type', a.type);
      set(n + 'weighting', '1');
      set(n + 'student_response', a.response.slice(0, 255));
      set(n + 'result', a.correct ? 'correct' : 'wrong');
      for (var j = 0; j < a.patterns.length; j++) {
        set(n + 'correct_responses.' + j + '.pattern', a.patterns[j].slice(0, 255));
      }
      set(n + 'latency', span(a.latency));
    },
    language: function (tag) {
      if (live) set('cmi.student_preference.language', tag);
    },
    commit: function () {
      if (!live) return;
      api.LMSCommit('');
      ok('LMSCommit', ['']);
    },
    /* "suspend" keeps the attempt open so the learner resumes it; an empty exit closes a finished one. */
    finish: function (done) {
      if (!live) return;
      set('cmi.core.session_time', span(Date.now() - started));
      set('cmi.core.exit', done ? '' : 'suspend');
      live = false;
      api.LMSFinish('');
      ok('LMSFinish', ['']);
    },
    failures: function () {
      return failures.slice();
    }
  };
})(window);
