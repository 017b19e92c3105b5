/* Pelita content runtime: steps, quizzes, saved state, quick exit. No dependencies.
   The page is complete without this script (every step is readable); the script turns it into one step at a
   time and reports through window.PelitaTracking (the target's adapter), which may find no LMS at all. Adapters
   may also take step(key, language) for each step shown and result(...) for each submitted test. */
(function () {
  'use strict';
  var d = document, root = d.documentElement;
  var data = JSON.parse(d.getElementById('pelita-data').textContent);
  var track = window.PelitaTracking;
  var steps = data.steps, count = steps.length, keys = {};
  var state = { v: 1, m: data.version, l: data.languages[0], p: '', a: {}, c: {}, t: {} };
  var current = 0, shownAt = Date.now(), changedAt = {}, confirm = {}, finished = false, commitTimer = 0;
  var postTest = null, preTest = null, tests = [], checks = [];
  var info = track ? track.start() : { tracked: false };
  var status = info.status || '', reported = status, reportedScore = null;
  var mastery = data.mastery;

  root.className = root.className.replace('no-js', 'js');
  steps.forEach(function (step, i) {
    keys[step.key] = i;
    state.p += '0';
    var quiz = step.key.slice(5);
    if (step.kind === 'post-test') postTest = quiz;
    if (step.kind === 'pre-test') preTest = quiz;
    if (step.kind === 'pre-test' || step.kind === 'post-test') tests.push(quiz);
    if (step.kind === 'check') data.quizzes[quiz].questions.forEach(function (q) { checks.push(q.id); });
  });

  function all(selector, el) { return Array.prototype.slice.call((el || d).querySelectorAll(selector)); }
  function one(selector, el) { return (el || d).querySelector(selector); }
  function byId(id) { return d.getElementById(id); }

  function t(key, values) {
    var text = data.ui[state.l][key] || '';
    for (var name in values) text = text.split('{' + name + '}').join(values[name]);
    return text;
  }

  function stepEl(i) { return byId(state.l + ':' + steps[i].key); }
  function quizForm(quiz) { return one('form[data-quiz="' + quiz + '"]', byId('lang-' + state.l)); }
  function done(s) { return s === 'completed' || s === 'passed'; }

  // ---- saved state ------------------------------------------------------------------------------

  function restore() {
    if (!info.tracked) return false;
    // SCORM 1.2 RTE 3.4.2.4.1: an LMS-given mastery score overrides the package's.
    if (mastery !== null && info.mastery !== null) mastery = info.mastery;
    var saved = null;
    try { saved = info.state ? JSON.parse(info.state) : null; } catch (e) { saved = null; }
    // State from another version of the module does not fit its steps and questions: start afresh.
    if (saved && saved.v === 1 && saved.m === data.version && saved.p && saved.p.length === count) {
      state = saved;
      state.a = state.a || {}; state.c = state.c || {}; state.t = state.t || {};
      if (data.languages.indexOf(state.l) < 0) state.l = data.languages[0];
      return true;
    }
    var preferred = (info.language || '').toLowerCase();
    data.languages.forEach(function (l) {
      if (preferred && (l.toLowerCase() === preferred || l.toLowerCase().split('-')[0] === preferred.split('-')[0])) state.l = l;
    });
    return false;
  }

  /* Keeps under SCORM 1.2's 4,096 characters: drops practice answers first, then all answers, never results. */
  function serialize() {
    var json = JSON.stringify(state);
    if (json.length <= 4095) return json;
    var copy = JSON.parse(json);
    copy.c = {};
    checks.forEach(function (id) { delete copy.a[id]; });
    json = JSON.stringify(copy);
    if (json.length <= 4095) return json;
    copy.a = {};
    return JSON.stringify(copy);
  }

  /* Saving is local to the LMS's API object; committing sends it to the LMS server, so only at milestones. */
  function save(noCommit) {
    if (!info.tracked || finished) return;
    track.saveState(serialize(), steps[current].key);
    if (noCommit) return;
    clearTimeout(commitTimer);
    commitTimer = setTimeout(function () { if (!finished) track.commit(); }, 0);
  }

  function computeStatus() {
    var visited = state.p.indexOf('0') < 0;
    var tested = tests.every(function (q) { return state.t[q]; });
    var s = 'incomplete';
    if (postTest && mastery !== null && state.t[postTest]) s = state.t[postTest].s >= mastery ? 'passed' : 'failed';
    else if (visited && tested) s = 'completed';
    // Never take back what the LMS already recorded as finished.
    if (done(info.status) && !done(s)) s = info.status;
    return s;
  }

  function report() {
    status = computeStatus();
    var score = postTest && state.t[postTest] ? state.t[postTest].s : null;
    if (info.tracked && (status !== reported || score !== reportedScore)) {
      track.progress(status, score);
      reported = status;
      reportedScore = score;
    }
  }

  function finish() {
    if (finished || !info.tracked) return;
    save();
    finished = true;
    track.finish(done(status));
  }

  // ---- steps ------------------------------------------------------------------------------------

  function notice(text) {
    var el = byId('pelita-notice');
    el.textContent = text;
    el.hidden = !text;
  }

  function show(i, focus) {
    if (i < 0 || i >= count) return;
    var pre = preTest !== null ? keys['quiz:' + preTest] : -1;
    notice('');
    if (pre >= 0 && i > pre && !state.t[preTest]) {
      i = pre;
      notice(t('finishPreTestFirst'));
    }
    current = i;
    all('.step.current').forEach(function (el) { el.classList.remove('current'); });
    var el = stepEl(i);
    el.classList.add('current');
    state.p = state.p.slice(0, i) + '1' + state.p.slice(i + 1);
    if (info.tracked && track.step) track.step(steps[i].key, state.l);
    byId('pelita-progress').value = i + 1;
    byId('pelita-progress-text').textContent = t('progress', { current: i + 1, total: count });
    byId('pelita-prev').disabled = i === 0;
    byId('pelita-next').hidden = i === count - 1;
    byId('pelita-next').textContent = steps[i].kind === 'intro' ? t('start') : t('next');
    all('details[open]').forEach(function (details) { details.open = false; });
    shownAt = Date.now();
    if (steps[i].kind === 'summary') summarize(el);
    if (focus) {
      window.scrollTo(0, 0);
      one('h1', el).focus();
    }
    report();
    save();
  }

  function summarize(el) {
    var remaining = state.p.split('').filter(function (v, i) { return v === '0' && i !== current; }).length;
    tests.forEach(function (q) { if (!state.t[q]) remaining++; });
    one('[data-summary-status]', el).textContent = remaining ? t('incompleteMessage', { remaining: remaining }) : t('completeMessage');
    var scoreEl = one('[data-summary-score]', el);
    scoreEl.hidden = !(postTest && state.t[postTest]);
    if (!scoreEl.hidden) scoreEl.textContent = resultText(postTest, state.t[postTest].s);
  }

  function setLanguage(language, chosen) {
    state.l = language;
    all('.lang').forEach(function (el) { el.hidden = el.getAttribute('lang') !== language; });
    var section = byId('lang-' + language);
    root.lang = language;
    root.dir = section.dir;
    var exit = byId('pelita-exit');
    exit.textContent = t('quickExit');
    exit.title = t('quickExitHint');
    byId('pelita-skip').textContent = t('skipToContent');
    byId('pelita-prev').textContent = t('previous');
    var select = byId('pelita-lang');
    if (select) {
      select.value = language;
      byId('pelita-lang-label').textContent = t('language');
    }
    Object.keys(data.quizzes).forEach(paintQuiz);
    if (chosen && info.tracked) track.language(language);
    show(current, chosen);
  }

  // ---- quizzes ----------------------------------------------------------------------------------

  function clean(text) {
    return text.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  }

  function readResponse(fs) {
    var kind = fs.getAttribute('data-kind');
    if (kind === 'fill-in') return clean(one('input', fs).value);
    if (kind === 'matching') {
      return all('select', fs).filter(function (s) { return s.value; })
        .map(function (s) { return s.getAttribute('data-source') + '.' + s.value; }).join(',');
    }
    if (kind === 'ordering') return all('li', fs).map(function (li) { return li.getAttribute('data-item'); }).join(',');
    return all('input:checked', fs).map(function (x) { return x.value; }).sort().join(',');
  }

  function isAnswered(fs, response) {
    var kind = fs.getAttribute('data-kind');
    if (kind === 'matching') return all('select', fs).every(function (s) { return s.value; });
    return kind === 'ordering' || response !== '';
  }

  function isCorrect(q, response) {
    if (q.type === 'fill-in') {
      var norm = function (s) {
        s = clean(s).normalize('NFC');
        return q.caseSensitive ? s : s.toLowerCase();
      };
      return response !== '' && q.correct.some(function (c) { return norm(c) === norm(response); });
    }
    return response === q.correct[0];
  }

  function writeResponse(fs, response) {
    var kind = fs.getAttribute('data-kind'), values = response ? response.split(',') : [];
    if (kind === 'fill-in') {
      one('input', fs).value = response || '';
    } else if (kind === 'matching') {
      var matched = {};
      values.forEach(function (v) { matched[v.split('.')[0]] = v.split('.')[1]; });
      all('select', fs).forEach(function (s) { s.value = matched[s.getAttribute('data-source')] || ''; });
    } else if (kind === 'ordering') {
      var list = one('ol', fs);
      values.forEach(function (v) {
        var li = one('li[data-item="' + v + '"]', list);
        if (li) list.appendChild(li);
      });
    } else {
      all('input', fs).forEach(function (x) { x.checked = values.indexOf(x.value) >= 0; });
    }
  }

  function feedback(fs, response, correct, visible) {
    var verdict = one('[data-verdict]', fs), chosen = response ? response.split(',') : [];
    verdict.hidden = !visible;
    verdict.textContent = correct ? t('correct') : t('incorrect');
    verdict.className = 'verdict ' + (correct ? 'right' : 'wrong');
    all('[data-fb]', fs).forEach(function (p) {
      var when = p.getAttribute('data-fb');
      p.hidden = !visible || !(when === (correct ? 'correct' : 'incorrect') || chosen.indexOf(when) >= 0);
    });
  }

  function record(q, response, correct) {
    if (!info.tracked) return;
    track.answer({ id: q.id, type: q.type, response: response, correct: correct, patterns: q.correct,
      latency: (changedAt[q.id] || Date.now()) - shownAt, time: new Date() });
  }

  function questionsOf(form) {
    var questions = data.quizzes[form.getAttribute('data-quiz')].questions;
    return all('fieldset.question', form).map(function (fs, i) { return { fs: fs, q: questions[i] }; });
  }

  function check(fs) {
    var form = fs.form || fs.closest('form');
    var item = questionsOf(form).filter(function (x) { return x.fs === fs; })[0];
    var response = readResponse(fs);
    if (!isAnswered(fs, response)) {
      var first = one('input, select', fs);
      if (first) first.focus();
      return;
    }
    var correct = isCorrect(item.q, response);
    state.a[item.q.id] = response;
    state.c[item.q.id] = correct ? 1 : 0;
    feedback(fs, response, correct, true);
    record(item.q, response, correct);
    report();
    save();
  }

  function resultText(quiz, score) {
    var text = t('score', { score: score });
    if (quiz === postTest && mastery !== null) text += ' ' + (score >= mastery ? t('passed') : t('failed', { mastery: mastery }));
    if (quiz === preTest) text += ' ' + t('preTestDone');
    return text;
  }

  function submit(form) {
    var quiz = form.getAttribute('data-quiz'), items = questionsOf(form), missing = 0, right = 0;
    items.forEach(function (x) { x.r = readResponse(x.fs); if (!isAnswered(x.fs, x.r)) missing++; });
    if (missing && !confirm[quiz]) {
      confirm[quiz] = true;
      one('[data-result]', form).textContent = t('unanswered', { count: missing });
      return;
    }
    confirm[quiz] = false;
    items.forEach(function (x) {
      var correct = isAnswered(x.fs, x.r) && isCorrect(x.q, x.r);
      if (correct) right++;
      state.a[x.q.id] = x.r;
      record(x.q, x.r, correct);
    });
    var score = Math.round(right * 10000 / items.length) / 100, previous = state.t[quiz];
    // The best attempt counts: an LMS comparing score and mastery must never see a pass undone.
    state.t[quiz] = { s: previous ? Math.max(previous.s, score) : score, n: Math.min(99, (previous ? previous.n : 0) + 1) };
    if (info.tracked && track.result) {
      track.result({ quiz: quiz, kind: data.quizzes[quiz].kind, right: right, total: items.length, score: score,
        mastery: quiz === postTest ? mastery : null });
    }
    paintQuiz(quiz);
    // Submit is hidden: the focus goes to the result, not the body.
    one('[data-result]', form).focus();
    report();
    save();
  }

  function retake(form) {
    var quiz = form.getAttribute('data-quiz');
    questionsOf(form).forEach(function (x) { delete state.a[x.q.id]; });
    state.t[quiz].o = 1;
    paintQuiz(quiz);
    save();
    one('input, select, button[data-move]', form).focus();
  }

  /* Shows a quiz as the state says: answers, feedback, and whether a test is open or submitted. */
  function paintQuiz(quiz) {
    var form = quizForm(quiz);
    var result = state.t[quiz], test = data.quizzes[quiz].kind !== 'check';
    var closed = test && result && !result.o;
    var right = 0, items = questionsOf(form);
    items.forEach(function (x) {
      var response = state.a[x.q.id];
      writeResponse(x.fs, response || '');
      var correct = response !== undefined && isAnswered(x.fs, response) && isCorrect(x.q, response);
      if (correct) right++;
      // Practice checks show feedback once checked; the post-test after submission; the pre-test never teaches.
      feedback(x.fs, response, correct, test ? closed && quiz !== preTest : x.q.id in state.c);
      all('input, select, button[data-move]', x.fs).forEach(function (el) { el.disabled = !!closed; });
    });
    if (!test) return;
    var submitButton = one('[data-action=submit]', form), again = one('[data-action=retake]', form);
    submitButton.hidden = !!closed;
    again.hidden = !(closed && quiz === postTest && mastery !== null && result.s < mastery);
    one('[data-result]', form).textContent = closed ? resultText(quiz, Math.round(right * 10000 / items.length) / 100) : '';
  }

  function move(button) {
    var li = button.closest('li'), list = li.parentNode, by = parseInt(button.getAttribute('data-move'), 10);
    var target = by < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (!target) return;
    list.insertBefore(li, by < 0 ? target : target.nextElementSibling);
    button.focus();
    changed({ target: button });
  }

  // ---- quick exit -------------------------------------------------------------------------------

  /* Leaves at once for a neutral page, replacing this page in the history so Back does not return to it. */
  function quickExit(event) {
    if (event) event.preventDefault();
    d.body.hidden = true;
    try {
      window.top.location.replace(data.quickExit);
    } catch (e) {
      window.location.replace(data.quickExit);
    }
  }

  // ---- events -----------------------------------------------------------------------------------

  var lastEscape = 0;
  d.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    if (Date.now() - lastEscape < 1500) quickExit(e);
    lastEscape = Date.now();
  });

  d.addEventListener('click', function (e) {
    var el = e.target.closest('a, button');
    if (!el) return;
    if (el.id === 'pelita-exit') return quickExit(e);
    if (el.id === 'pelita-prev') return show(current - 1, true);
    if (el.id === 'pelita-next') return show(current + 1, true);
    var action = el.getAttribute('data-action');
    if (action === 'check') return check(el.closest('fieldset'));
    if (action === 'retake') return retake(el.closest('form'));
    if (el.hasAttribute('data-move')) return move(el);
    var href = el.getAttribute('href') || '';
    if (href.charAt(0) !== '#') return;
    var target = byId(decodeURIComponent(href.slice(1)));
    if (!target || !target.classList.contains('step')) return;
    e.preventDefault();
    var language = target.closest('.lang').getAttribute('lang');
    current = keys[target.getAttribute('data-step')];
    if (language !== state.l) setLanguage(language, true);
    else show(current, true);
  });

  d.addEventListener('submit', function (e) {
    e.preventDefault();
    if (e.target.getAttribute('data-kind') !== 'check') submit(e.target);
  });

  /* Answers are kept as they are given, so they survive a change of language or a relaunch before submission. */
  function changed(e) {
    var fs = e.target.closest && e.target.closest('fieldset.question');
    if (!fs) return;
    var id = fs.getAttribute('data-q');
    changedAt[id] = Date.now();
    confirm[fs.form.getAttribute('data-quiz')] = false;
    state.a[id] = readResponse(fs);
    if (id in state.c) {
      delete state.c[id];
      feedback(fs, '', false, false); // the shown verdict was for the previous answer
    }
    if (e.type !== 'input') save(true);
  }
  d.addEventListener('change', function (e) {
    if (e.target.id === 'pelita-lang') return setLanguage(e.target.value, true);
    changed(e);
  });
  d.addEventListener('input', changed);
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);

  // ---- start ------------------------------------------------------------------------------------

  var resumed = restore();
  current = resumed && info.location in keys ? keys[info.location] : 0;
  setLanguage(state.l, false);
  if (resumed) notice(t('resumed'));
})();
