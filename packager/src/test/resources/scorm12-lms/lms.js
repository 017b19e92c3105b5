/* A strict SCORM 1.2 LMS for tests: the API object (RTE 3.3), the data model checks Moodle applies
   (formats, ranges, read/write rights, journaled interactions), storage across launches, and a log of
   every call so tests can assert on exactly what the content did. Query parameters:
   mastery=N sets cmi.student_data.mastery_score; override=0 turns off Moodle's mastery override;
   student=ID sets cmi.core.student_id (default learner-1). */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var RE = {
    string255: /^[\s\S]{0,255}$/, string4096: /^[\s\S]{0,4096}$/,
    time: /^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/,
    timespan: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/,
    decimal: /^-?([0-9]{0,3})(\.[0-9]{1,2})?$/, identifier: /^[\u0021-\u007E]{1,255}$/,
    status: /^(passed|completed|failed|incomplete|browsed)$/, exit: /^(time-out|suspend|logout|)$/,
    type: /^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$/,
    result: /^(correct|wrong|unanticipated|neutral|([0-9]{0,3})?(\.[0-9]{1,2})?)$/
  };
  // element: [mode, format, range]
  var MODEL = {
    'cmi.core._children': ['r'], 'cmi.core.student_id': ['r'], 'cmi.core.student_name': ['r'],
    'cmi.core.lesson_location': ['rw', RE.string255], 'cmi.core.credit': ['r'],
    'cmi.core.lesson_status': ['rw', RE.status], 'cmi.core.entry': ['r'],
    'cmi.core.score._children': ['r'], 'cmi.core.score.raw': ['rw', RE.decimal, [0, 100]],
    'cmi.core.score.min': ['rw', RE.decimal, [0, 100]], 'cmi.core.score.max': ['rw', RE.decimal, [0, 100]],
    'cmi.core.total_time': ['r'], 'cmi.core.lesson_mode': ['r'], 'cmi.core.exit': ['w', RE.exit],
    'cmi.core.session_time': ['w', RE.timespan], 'cmi.suspend_data': ['rw', RE.string4096],
    'cmi.launch_data': ['r'], 'cmi.student_data.mastery_score': ['r'],
    'cmi.student_preference.language': ['rw', RE.string255],
    'cmi.interactions._count': ['r'], 'cmi.interactions.n.id': ['w', RE.identifier],
    'cmi.interactions.n.time': ['w', RE.time], 'cmi.interactions.n.type': ['w', RE.type],
    'cmi.interactions.n.correct_responses.n.pattern': ['w', RE.string255],
    'cmi.interactions.n.weighting': ['w', RE.decimal, [-100, 100]],
    'cmi.interactions.n.student_response': ['w', RE.string255],
    'cmi.interactions.n.result': ['w', RE.result], 'cmi.interactions.n.latency': ['w', RE.timespan]
  };
  var store = {
    'cmi.core.student_id': params.get('student') || 'learner-1', 'cmi.core.student_name': 'Learner, Test', 'cmi.core.credit': 'credit',
    'cmi.core.lesson_mode': 'normal', 'cmi.core.lesson_status': 'not attempted', 'cmi.core.lesson_location': '',
    'cmi.core.score.raw': '', 'cmi.core.score.min': '', 'cmi.core.score.max': '', 'cmi.core.total_time': '00:00:00',
    'cmi.core.exit': '', 'cmi.suspend_data': '', 'cmi.launch_data': '', 'cmi.student_preference.language': '',
    'cmi.student_data.mastery_score': params.get('mastery') || ''
  };
  var interactions = [];      // stored records: {id, time, type, ..., correct_responses: []}
  var session = null;          // the current launch: values written in it, interaction records
  var log = [];                // every API call of every launch
  var launches = 0, error = '0', initialized = false, finished = false;

  function model(element) {
    return element.replace(/\.\d+\./g, '.n.').replace(/\.\d+\./g, '.n.');
  }

  function fail(code) { error = code; return code === '0'; }

  function seconds(span) {
    var p = span.split(':');
    return parseInt(p[0], 10) * 3600 + parseInt(p[1], 10) * 60 + parseFloat(p[2]);
  }

  function span(total) {
    function pad(n) { return (n < 10 ? '0' : '') + n; }
    var h = Math.floor(total / 3600), m = Math.floor(total / 60) % 60, s = total % 60;
    return pad(h) + ':' + pad(m) + ':' + (s < 10 ? '0' : '') + s.toFixed(2);
  }

  var API = {
    LMSInitialize: function (arg) {
      var ok = arg === '' && !initialized && !finished;
      if (arg !== '') fail('201'); else if (initialized || finished) fail('101'); else fail('0');
      if (ok) initialized = true;
      log.push({ launch: launches, fn: 'LMSInitialize', args: [arg], ret: String(ok), error: error });
      return String(ok);
    },
    LMSFinish: function (arg) {
      var ok = arg === '' && initialized;
      fail(arg !== '' ? '201' : initialized ? '0' : '301');
      if (ok) {
        initialized = false;
        finished = true;
        // Moodle (mod/scorm/datamodels/scorm_12.js, StoreData): not attempted becomes completed, then the
        // mastery override sets passed/failed from score.raw when both are known.
        if (store['cmi.core.lesson_status'] === 'not attempted') store['cmi.core.lesson_status'] = 'completed';
        if (params.get('override') !== '0' && store['cmi.student_data.mastery_score'] !== '' && store['cmi.core.score.raw'] !== '') {
          store['cmi.core.lesson_status'] = parseFloat(store['cmi.core.score.raw']) >= parseFloat(store['cmi.student_data.mastery_score']) ? 'passed' : 'failed';
        }
        if (session.values['cmi.core.session_time']) {
          store['cmi.core.total_time'] = span(seconds(store['cmi.core.total_time']) + seconds(session.values['cmi.core.session_time']));
        }
        store['cmi.core.exit'] = session.values['cmi.core.exit'] || '';
      }
      log.push({ launch: launches, fn: 'LMSFinish', args: [arg], ret: String(ok), error: error });
      return String(ok);
    },
    LMSGetValue: function (element) {
      var value = '';
      var def = MODEL[model(element)];
      if (!initialized) fail('301');
      else if (element === 'cmi.interactions._count') { fail('0'); value = String(interactions.length); }
      else if (!def) fail('201');
      else if (def[0] === 'w') fail('404');
      else { fail('0'); value = store[element] === undefined ? '' : store[element]; }
      log.push({ launch: launches, fn: 'LMSGetValue', args: [element], ret: value, error: error });
      return value;
    },
    LMSSetValue: function (element, value) {
      value = String(value);
      var def = MODEL[model(element)], ok = false;
      if (!initialized) fail('301');
      else if (!def) fail('201');
      else if (def[0] === 'r') fail('403');
      else if (def[1] && !def[1].test(value)) fail('405');
      else if (def[2] && (parseFloat(value) < def[2][0] || parseFloat(value) > def[2][1])) fail('405');
      else if (element.indexOf('cmi.interactions.') === 0) ok = setInteraction(element, value);
      else {
        fail('0');
        ok = true;
        store[element] = value;
        session.values[element] = value;
      }
      log.push({ launch: launches, fn: 'LMSSetValue', args: [element, value], ret: String(ok), error: error });
      return String(ok);
    },
    LMSCommit: function (arg) {
      var ok = arg === '' && initialized;
      fail(arg !== '' ? '201' : initialized ? '0' : '301');
      log.push({ launch: launches, fn: 'LMSCommit', args: [arg], ret: String(ok), error: error });
      return String(ok);
    },
    LMSGetLastError: function () { return error; },
    LMSGetErrorString: function (code) { return 'error ' + code; },
    LMSGetDiagnostic: function (code) { return 'diagnostic ' + (code || error); }
  };

  /* Interactions are journaled: record n may be created only as n = _count, starting with its id. */
  function setInteraction(element, value) {
    var m = /^cmi\.interactions\.(\d+)\.(.*)$/.exec(element), n = parseInt(m[1], 10), field = m[2];
    if (n > interactions.length || (n === interactions.length && field !== 'id')) return fail('201');
    if (n === interactions.length) interactions.push({ correct_responses: [] });
    var record = interactions[n], c = /^correct_responses\.(\d+)\.pattern$/.exec(field);
    if (c) {
      var j = parseInt(c[1], 10);
      if (j > record.correct_responses.length) return fail('201');
      record.correct_responses[j] = value;
    } else {
      record[field] = value;
    }
    record.launch = launches;
    fail('0');
    return true;
  }

  function prepare() {
    launches++;
    initialized = false;
    finished = false;
    store['cmi.core.entry'] = store['cmi.core.lesson_status'] === 'not attempted' ? 'ab-initio'
      : store['cmi.core.exit'] === 'suspend' ? 'resume' : '';
    session = { values: {} };
  }

  window.API = API;
  window.lms = {
    /* Unloads the current SCO first (it finishes), as an LMS does before the next launch computes cmi.core.entry. */
    launch: function (url) {
      var frame = document.getElementById('sco');
      if (frame.getAttribute('src') && frame.getAttribute('src') !== 'about:blank') {
        frame.onload = function () {
          frame.onload = null;
          prepare();
          frame.src = url;
        };
        frame.src = 'about:blank';
      } else {
        prepare();
        frame.src = url;
      }
    },
    /* Some LMSs open SCOs in a new window: the SCO then finds the API through window.opener. */
    popup: function (url) {
      prepare();
      return window.open(url, 'sco-window');
    },
    log: function () { return JSON.parse(JSON.stringify(log)); },
    errors: function () { return log.filter(function (c) { return c.error !== '0'; }); },
    store: function () { return JSON.parse(JSON.stringify(store)); },
    interactions: function () { return JSON.parse(JSON.stringify(interactions)); },
    state: function () { return { initialized: initialized, finished: finished, launches: launches }; }
  };
})();
