// Pelita research dashboard: reads the LRS research API (/api/reports/*) with the credential the sign-in form asks
// for, and draws the reports with uPlot (served by the LRS from its WebJar). Plain JavaScript, no build step.
// The credential is kept in sessionStorage (this tab only) and sent by fetch itself, with the browser's own
// credentials omitted, so a 401 never opens the browser's Basic dialog: it only tells the page the sign-in failed.
'use strict';

(() => {
  const STORAGE_AUTH = 'pelita.dashboard.authorization';
  const STORAGE_KEY = 'pelita.dashboard.key';
  const API = new URL('../api/reports/', document.baseURI);
  const REPORTS = ['funnel', 'quizzes', 'pre-post', 'time-on-task'];
  const FILTERS = ['module', 'version', 'language', 'registration', 'organisation', 'country', 'since', 'until'];

  const $ = (selector, root = document) => root.querySelector(selector);
  const charts = new Map(); // section id -> uPlot instances drawn in it
  let modules = []; // from /api/reports/modules
  let generation = 0; // a newer load makes older answers stale

  class ApiError extends Error {
    constructor(status, message) {
      super(message || `the LRS answered ${status}`);
      this.status = status;
    }
  }

  // ---- API -------------------------------------------------------------------------------------------------------

  function basic(key, secret) {
    const bytes = new TextEncoder().encode(`${key}:${secret}`);
    let binary = '';
    bytes.forEach(b => { binary += String.fromCharCode(b); });
    return `Basic ${btoa(binary)}`;
  }

  async function request(name, params, csv = false, authorization = sessionStorage.getItem(STORAGE_AUTH)) {
    const url = new URL(name, API);
    for (const [key, value] of params) {
      url.searchParams.append(key, value);
    }
    if (csv) {
      url.searchParams.set('format', 'csv');
    }
    let response;
    try {
      response = await fetch(url, {
        headers: { Authorization: authorization || '', Accept: csv ? 'text/csv' : 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch (e) {
      throw new ApiError(0, `The LRS cannot be reached (${e.message}).`);
    }
    if (!response.ok) {
      let message = '';
      try {
        message = (await response.json()).message || '';
      } catch (e) {
        // not JSON: the status says enough
      }
      throw new ApiError(response.status, message);
    }
    return csv ? response.blob() : response.json();
  }

  function explain(error) {
    if (error.status === 401) {
      return 'Key or secret not accepted.';
    }
    if (error.status === 403) {
      return 'This credential cannot read reports.';
    }
    if (error.status === 400) {
      return `The LRS refused these filters: ${error.message}`;
    }
    if (error.status === 404) {
      return 'This LRS has no research API (/api/reports).';
    }
    return error.message;
  }

  // ---- formatting ------------------------------------------------------------------------------------------------

  const NONE = '\u2014';
  const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
  const integerFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const decimalFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const minutesFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pointsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

  const defined = x => typeof x === 'number' && Number.isFinite(x);
  const percent = x => (defined(x) ? percentFormat.format(x) : NONE);
  const integer = x => (defined(x) ? integerFormat.format(x) : NONE);
  const decimal = x => (defined(x) ? decimalFormat.format(x) : NONE);
  const minutes = x => (defined(x) ? minutesFormat.format(x) : NONE);
  const points = x => (defined(x) ? `${pointsFormat.format(x * 100)} pp` : NONE);
  const share = (part, whole) => (defined(part) && defined(whole) && whole > 0 ? part / whole : null);

  /** The best name from an xAPI language map for this browser's languages, else the IRI's last segment. */
  function label(map, id) {
    const names = map && typeof map === 'object' ? map : {};
    const keys = Object.keys(names);
    for (const wanted of [...(navigator.languages || []), 'en']) {
      const exact = keys.find(k => k.toLowerCase() === wanted.toLowerCase());
      if (exact) {
        return names[exact];
      }
      const base = wanted.split('-')[0].toLowerCase();
      const close = keys.find(k => k.split('-')[0].toLowerCase() === base);
      if (close) {
        return names[close];
      }
    }
    if (keys.length > 0) {
      return names[keys[0]];
    }
    const text = String(id || '');
    return text.split(/[/:]/).filter(Boolean).pop() || text;
  }

  function today() {
    const d = new Date();
    const pad = n => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  // ---- DOM helpers -----------------------------------------------------------------------------------------------

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value == null) {
        continue;
      }
      if (name === 'class') {
        node.className = value;
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    }
    for (const child of children.flat()) {
      if (child != null) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  /**
   * An accessible table: a caption, column headers with scope=col, the first cell of each row a row header.
   * columns: [{ label, num }]; rows: arrays of cells (text or nodes).
   */
  function table(caption, columns, rows) {
    const head = el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)));
    const body = rows.map(row => el('tr', {}, row.map((cell, i) => (i === 0
      ? el('th', { scope: 'row' }, cell)
      : el('td', { class: columns[i].num ? 'num' : null }, cell)))));
    // The wrapper scrolls on narrow screens; it takes focus so the keyboard can scroll it too.
    return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      el('table', {}, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, body)));
  }

  function legend(entries) {
    return el('ul', { class: 'legend', 'aria-hidden': 'true' }, entries.map(([text, n]) => el('li', { class: `s${n}` }, text)));
  }

  function section(id) {
    const node = document.getElementById(id);
    return { node, error: $('.error', node), empty: $('.empty', node), body: $('.body', node) };
  }

  function showError(id, message) {
    const s = section(id);
    s.error.textContent = message;
    s.error.hidden = !message;
  }

  // ---- charts (uPlot) --------------------------------------------------------------------------------------------

  const color = n => getComputedStyle(document.documentElement).getPropertyValue(`--series-${n}`).trim();
  const ink = () => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim();
  const gridColour = () => getComputedStyle(document.documentElement).getPropertyValue('--line').trim();

  const resizer = new ResizeObserver(entries => {
    for (const entry of entries) {
      const plot = entry.target.plot;
      const width = Math.floor(entry.contentRect.width);
      if (plot && width > 0 && Math.abs(plot.width - width) > 1) {
        plot.setSize({ width, height: plot.height });
      }
    }
  });

  function destroyCharts(id) {
    for (const plot of charts.get(id) || []) {
      resizer.unobserve(plot.root.parentNode);
      plot.destroy();
    }
    charts.set(id, []);
  }

  /** A holder for one chart: described for screen readers (the tables carry the numbers). */
  function chartHolder(description) {
    return el('div', { class: 'chart', role: 'img', 'aria-label': description });
  }

  function niceMax(max) {
    if (!(max > 0)) {
      return 1;
    }
    const magnitude = 10 ** Math.floor(Math.log10(max));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  function shorten(text, room) {
    const limit = Math.max(3, Math.floor(room / 7));
    return text.length <= limit ? text : `${text.slice(0, limit - 1)}\u2026`;
  }

  /** Tick steps for counts: whole numbers only, so that an axis up to 1 is not labelled 0, 1, 1. */
  const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000];

  /** What every chart here shares: one category per label on x, 0 to top on y, no legend or cursor. */
  function categoryChart(labels, top, yFormat, width, height) {
    return {
      width,
      height,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: [0, top] } },
      axes: axes(labels, yFormat, width),
    };
  }

  function axes(labels, yFormat, width) {
    const room = width / Math.max(1, labels.length);
    const y = {
      stroke: ink(),
      grid: { stroke: gridColour(), width: 1 },
      ticks: { stroke: gridColour(), width: 1 },
      values: (u, splits) => splits.map(yFormat),
      size: 56,
    };
    if (yFormat === integer) {
      y.incrs = COUNT_STEPS;
    }
    return [
      {
        stroke: ink(),
        grid: { show: false },
        ticks: { show: false },
        splits: () => labels.map((_, i) => i),
        values: (u, splits) => splits.map(i => shorten(labels[i] ?? '', room)),
      },
      y,
    ];
  }

  /**
   * Bars per category, one bar per series side by side (uPlot's bars path with explicit positions).
   * series: [{ label, values, n }] (n: the --series-n colour); yMax: a fixed top (shares: 1) or null for counts.
   */
  function barChart(id, holder, labels, series, { yMax = null, yFormat = integer, height = 220 } = {}) {
    const width = Math.max(240, Math.floor(holder.getBoundingClientRect().width) || 320);
    const xs = labels.map((_, i) => i);
    const group = 0.8;
    const size = group / series.length;
    const top = yMax ?? niceMax(Math.max(0, ...series.flatMap(s => s.values.filter(defined))));
    const plot = new uPlot({
      ...categoryChart(labels, top, yFormat, width, height),
      series: [{}, ...series.map((s, k) => ({
        label: s.label,
        fill: color(s.n),
        stroke: color(s.n),
        width: 0,
        points: { show: false },
        paths: uPlot.paths.bars({
          disp: {
            x0: { unit: 1, values: () => xs.map(x => x - group / 2 + k * size) },
            size: { unit: 1, values: () => [size * 0.92] },
          },
        }),
      }))],
    }, [xs, ...series.map(s => s.values.map(v => (defined(v) ? v : null)))], holder);
    remember(id, holder, plot);
    return plot;
  }

  /** Boxes from q1 to q3 with a line at the median, two per category (drawn in uPlot's draw hook). */
  function boxChart(id, holder, labels, groups, { height = 240 } = {}) {
    const width = Math.max(240, Math.floor(holder.getBoundingClientRect().width) || 320);
    const xs = labels.map((_, i) => i);
    const top = niceMax(Math.max(0, ...groups.flatMap(g => g.boxes.map(b => (b && defined(b.q3) ? b.q3 : 0)))));
    const slot = 0.8 / groups.length;
    const draw = u => {
      const ctx = u.ctx;
      ctx.save();
      groups.forEach((g, k) => {
        g.boxes.forEach((box, i) => {
          if (!box || !defined(box.q1) || !defined(box.q3)) {
            return;
          }
          const x0 = u.valToPos(i - 0.4 + k * slot, 'x', true);
          const x1 = u.valToPos(i - 0.4 + (k + 1) * slot - 0.04, 'x', true);
          const y1 = u.valToPos(box.q1, 'y', true);
          const y3 = u.valToPos(box.q3, 'y', true);
          ctx.fillStyle = color(g.n);
          ctx.fillRect(x0, Math.min(y1, y3), x1 - x0, Math.max(2, Math.abs(y1 - y3)));
          if (defined(box.median)) {
            const ym = u.valToPos(box.median, 'y', true);
            ctx.fillStyle = ink();
            ctx.fillRect(x0, ym - devicePixelRatio, x1 - x0, 2 * devicePixelRatio);
          }
        });
      });
      ctx.restore();
    };
    const plot = new uPlot({
      ...categoryChart(labels, top, minutes, width, height),
      // One invisible series gives the y scale its data; the boxes are drawn by the hook.
      series: [{}, { label: 'median', stroke: 'rgba(0,0,0,0)', width: 0, points: { show: false } }],
      hooks: { draw: [draw] },
    }, [xs, groups[0].boxes.map(b => (b && defined(b.median) ? b.median : null))], holder);
    remember(id, holder, plot);
    return plot;
  }

  function remember(id, holder, plot) {
    holder.plot = plot;
    resizer.observe(holder);
    charts.get(id).push(plot);
  }

  // ---- reports ---------------------------------------------------------------------------------------------------

  function filterParams() {
    const form = $('#filters');
    const params = [];
    for (const name of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) {
        params.push([name, value]);
      }
    }
    if (form.elements.by.checked) {
      params.push(['by', 'version']); // a row per module version (docs/reports.md)
    }
    return params;
  }

  /** A module's (or quiz's) name, with its version when the report is broken down by version. */
  const versioned = (text, item) => (item.version ? `${text} ${item.version}` : text);

  const moduleName = id => {
    const known = modules.find(m => m.id === id);
    return label(known && known.name, id);
  };

  /** Renders a report into its section: the empty state when there is nothing, else what draw() builds. */
  function render(id, isEmpty, draw) {
    const s = section(id);
    destroyCharts(id);
    s.body.replaceChildren();
    s.empty.hidden = !isEmpty;
    if (!isEmpty) {
      draw(s.body);
    }
  }

  function renderFunnel(report) {
    const list = report.modules || [];
    render('funnel', list.length === 0 || list.every(m => !m.launched), body => {
      const names = list.map(m => versioned(label(m.name, m.id), m));
      const holder = chartHolder('Bar chart of learners who launched, completed, passed and failed each module; the table below has the numbers.');
      body.append(legend([['Launched', 1], ['Completed', 3], ['Passed', 2], ['Failed', 4]]), holder);
      barChart('funnel', holder, names, [
        { label: 'Launched', values: list.map(m => m.launched), n: 1 },
        { label: 'Completed', values: list.map(m => m.completed), n: 3 },
        { label: 'Passed', values: list.map(m => m.passed), n: 2 },
        { label: 'Failed', values: list.map(m => m.failed), n: 4 },
      ]);
      body.append(table('Learners per module', [
        { label: 'Module' }, { label: 'Launched', num: true }, { label: 'Completed', num: true },
        { label: 'Completed share', num: true }, { label: 'Passed', num: true }, { label: 'Failed', num: true },
      ], list.map((m, i) => [names[i], integer(m.launched), integer(m.completed), percent(share(m.completed, m.launched)),
        integer(m.passed), integer(m.failed)])));
      list.forEach((m, i) => {
        const lessons = m.lessons || [];
        if (lessons.length > 0) {
          body.append(table(`Lessons of ${names[i]}`, [
            { label: 'Lesson' }, { label: 'Started', num: true }, { label: 'Finished', num: true }, { label: 'Finished share', num: true },
          ], lessons.map(l => [label(l.name, l.id), integer(l.started), integer(l.finished), percent(share(l.finished, l.started))])));
        }
      });
    });
  }

  function quizTitle(q) {
    return `${moduleName(q.module)}: ${label(q.name, q.id)}${q.kind ? ` (${q.kind})` : ''}`;
  }

  const quizRowTitle = q => versioned(`${moduleName(q.module)}: ${label(q.name, q.id)}`, q);

  function renderQuizzes(report) {
    const list = report.quizzes || [];
    render('quizzes', list.length === 0 || list.every(q => !q.learners), body => {
      body.append(table('Scores per quiz (first submissions)', [
        { label: 'Quiz' }, { label: 'Kind' }, { label: 'Learners', num: true }, { label: 'Mean', num: true }, { label: 'Median', num: true },
      ], list.map(q => [quizRowTitle(q), q.kind || NONE, integer(q.learners), percent(q.mean), percent(q.median)])));
      const grid = el('div', { class: 'charts' });
      body.append(grid);
      list.forEach(q => {
        const bins = q.distribution || [];
        const title = versioned(quizTitle(q), q);
        const holder = chartHolder(`Histogram of scores for ${title}: ${bins.map(b => `${integer(b.count)} from ${percent(b.from)} to ${percent(b.to)}`).join(', ')}.`);
        grid.append(el('div', {}, el('p', { class: 'chart-title' }, title), holder));
        barChart('quizzes', holder, bins.map(b => `${Math.round(b.from * 100)}`), [
          { label: 'Learners', values: bins.map(b => b.count), n: 1 },
        ], { height: 180 });
      });
    });
    // The item analysis picks one of these quizzes.
    const select = $('#quiz');
    const before = select.value;
    // By version a quiz has a row per version; the item analysis compares its versions itself.
    const quizzes = list.filter((q, i) => list.findIndex(other => other.id === q.id) === i);
    select.replaceChildren(...quizzes.map(q => el('option', { value: q.id }, quizTitle(q))));
    if (list.some(q => q.id === before)) {
      select.value = before;
    }
    select.disabled = list.length === 0;
  }

  /** The item analysis by version: each question in each version, marked where it changed between them. */
  function renderQuestionsByVersion(report) {
    const list = report.questions || [];
    const versions = report.versions || [];
    render('questions', list.length === 0 || versions.every(v => !v.learners), body => {
      const note = q => (q.revisionChanged ? 'Changed between versions: do not compare or pool its answers'
        : q.added ? `Not asked in ${versions[0].version}` : q.removed ? `Not asked in ${versions[versions.length - 1].version}` : 'Same in every version');
      const rows = [];
      list.forEach((q, i) => (q.versions || []).forEach(v => rows.push([
        `Q${i + 1}. ${label(v.name, v.id)}`, v.version, v.revision || NONE,
        q.revisionChanged || q.added || q.removed ? el('span', { class: 'changed' }, note(q)) : note(q),
        integer(v.answers), percent(v.difficulty), decimal(v.discrimination), responses(v),
      ])));
      const learners = versions.map(v => `${integer(v.learners)} in ${v.version}`).join(', ');
      body.append(table(`Item analysis by version (learners: ${learners})`, [
        { label: 'Question' }, { label: 'Version' }, { label: 'Revision' }, { label: 'Compared with the other versions' },
        { label: 'Answers', num: true }, { label: 'Difficulty', num: true }, { label: 'Discrimination', num: true }, { label: 'Responses' },
      ], rows));
    });
  }

  function renderQuestions(report) {
    if (report.versions) {
      renderQuestionsByVersion(report);
      return;
    }
    const list = report.questions || [];
    render('questions', list.length === 0 || !report.learners, body => {
      const codes = list.map((_, i) => `Q${i + 1}`);
      const holder = chartHolder('Bar chart of the difficulty (share correct) of each question; the table below has the numbers.');
      body.append(legend([['Difficulty (share correct)', 1]]), holder);
      barChart('questions', holder, codes, [{ label: 'Difficulty', values: list.map(q => q.difficulty), n: 1 }],
        { yMax: 1, yFormat: percent });
      body.append(table(`Item analysis (${integer(report.learners)} learners)`, [
        { label: 'Question' }, { label: 'Answers', num: true }, { label: 'Difficulty', num: true },
        { label: 'Discrimination', num: true }, { label: 'Upper\u2013lower', num: true }, { label: 'Responses' },
      ], list.map((q, i) => [
        `${codes[i]}. ${label(q.name, q.id)}`, integer(q.answers), percent(q.difficulty), decimal(q.discrimination), decimal(q.upperLower),
        responses(q),
      ])));
    });
  }

  function responses(question) {
    const list = question.responses || [];
    if (list.length === 0) {
      return NONE;
    }
    return el('ul', { class: 'responses' }, list.map(r => {
      const text = r.label ? `${label(r.label, r.response)} (${r.response})` : r.response;
      const counted = `${integer(r.count)} (${percent(share(r.count, question.answers))})`;
      return r.correct
        ? el('li', { class: 'correct' }, el('span', { 'aria-hidden': 'true' }, '\u2713 '), el('span', { class: 'visually-hidden' }, 'Correct: '), `${text}: ${counted}`)
        : el('li', {}, `${text}: ${counted}`);
    }));
  }

  function renderPrePost(report) {
    const list = report.modules || [];
    render('pre-post', list.length === 0 || list.every(m => !m.pairs), body => {
      const names = list.map(m => versioned(label(m.name, m.id), m));
      const holder = chartHolder('Bar chart of the mean pre-test and post-test score of each module; the table below has the numbers.');
      body.append(legend([['Pre-test mean', 1], ['Post-test mean', 3]]), holder);
      barChart('pre-post', holder, names, [
        { label: 'Pre-test mean', values: list.map(m => m.preMean), n: 1 },
        { label: 'Post-test mean', values: list.map(m => m.postMean), n: 3 },
      ], { yMax: 1, yFormat: percent });
      body.append(table('Pre-test and post-test per module', [
        { label: 'Module' }, { label: 'Pairs', num: true }, { label: 'Pre-test mean', num: true }, { label: 'Post-test mean', num: true },
        { label: 'Mean gain', num: true }, { label: 'Normalised gain', num: true }, { label: 'Mean normalised gain', num: true },
      ], list.map((m, i) => [names[i], integer(m.pairs), percent(m.preMean), percent(m.postMean), points(m.meanGain),
        decimal(m.normalisedGain), decimal(m.meanNormalisedGain)])));
    });
  }

  function renderTime(report) {
    const list = report.modules || [];
    render('time-on-task', list.length === 0 || list.every(m => !m.sessions), body => {
      const names = list.map(m => versioned(label(m.name, m.id), m));
      const holder = chartHolder('Box chart of minutes per learner and per session for each module (first to third quartile, line at the median); the table below has the numbers.');
      body.append(legend([['Per learner', 1], ['Per session', 2]]), holder);
      boxChart('time-on-task', holder, names, [
        { n: 1, boxes: list.map(m => m.perLearnerMinutes) },
        { n: 2, boxes: list.map(m => m.perSessionMinutes) },
      ]);
      const q = (m, key, part) => minutes(m[key] && m[key][part]);
      body.append(table('Minutes on task per module', [
        { label: 'Module' }, { label: 'Learners', num: true }, { label: 'Sessions', num: true },
        { label: 'Per learner Q1', num: true }, { label: 'Per learner median', num: true }, { label: 'Per learner Q3', num: true },
        { label: 'Per session Q1', num: true }, { label: 'Per session median', num: true }, { label: 'Per session Q3', num: true },
      ], list.map((m, i) => [names[i], integer(m.learners), integer(m.sessions),
        q(m, 'perLearnerMinutes', 'q1'), q(m, 'perLearnerMinutes', 'median'), q(m, 'perLearnerMinutes', 'q3'),
        q(m, 'perSessionMinutes', 'q1'), q(m, 'perSessionMinutes', 'median'), q(m, 'perSessionMinutes', 'q3')])));
    });
  }

  const RENDER = { funnel: renderFunnel, quizzes: renderQuizzes, 'pre-post': renderPrePost, 'time-on-task': renderTime };

  function setBusy(busy) {
    $('#reports').setAttribute('aria-busy', busy ? 'true' : 'false');
    for (const button of document.querySelectorAll('#filters button')) {
      button.disabled = busy;
    }
  }

  /** Loads every report with the current filters (the item analysis after the quizzes, which list its quizzes). */
  async function loadReports() {
    const mine = ++generation;
    const params = filterParams();
    const status = $('#filters-status');
    status.textContent = 'Loading the reports\u2026';
    setBusy(true);
    let failures = 0;
    await Promise.all(REPORTS.map(async name => {
      try {
        const report = await request(name, params);
        if (mine !== generation) {
          return;
        }
        showError(name, '');
        RENDER[name](report);
      } catch (error) {
        if (mine !== generation) {
          return;
        }
        failures++;
        if (!handleAuthFailure(error)) {
          render(name, false, () => {});
          showError(name, explain(error));
          if (name === 'quizzes') {
            $('#quiz').replaceChildren();
          }
        }
      }
    }));
    if (mine !== generation) {
      return;
    }
    await loadQuestions(mine);
    if (mine === generation) {
      setBusy(false);
      status.textContent = failures > 0 ? 'Some reports could not be loaded.'
        : `Reports updated${params.length ? ` for ${params.map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}.`;
    }
  }

  async function loadQuestions(mine = generation) {
    const quiz = $('#quiz').value;
    if (!quiz) {
      showError('questions', '');
      render('questions', true, () => {});
      return;
    }
    try {
      const report = await request('questions', [...filterParams(), ['quiz', quiz]]);
      if (mine === generation) {
        showError('questions', '');
        renderQuestions(report);
      }
    } catch (error) {
      if (mine === generation && !handleAuthFailure(error)) {
        render('questions', false, () => {});
        showError('questions', explain(error));
      }
    }
  }

  async function downloadCsv(button) {
    const name = button.dataset.csv;
    const params = filterParams();
    if (name === 'questions') {
      const quiz = $('#quiz').value;
      if (!quiz) {
        showError('questions', 'Choose a quiz first.');
        return;
      }
      params.push(['quiz', quiz]);
    }
    button.disabled = true;
    try {
      const blob = await request(name, params, true);
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: `${name}-${today()}.csv`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (error) {
      if (!handleAuthFailure(error)) {
        showError(name, `CSV download failed: ${explain(error)}`);
      }
    } finally {
      button.disabled = false;
    }
  }

  // ---- filters ---------------------------------------------------------------------------------------------------

  function options(select, first, values) {
    const before = select.value;
    select.replaceChildren(el('option', { value: '' }, first), ...values.map(([value, text]) => el('option', { value }, text)));
    if (values.some(([value]) => value === before)) {
      select.value = before;
    }
  }

  /** Versions and languages offered follow the chosen module (all modules': their union). */
  function refreshFilterMenus() {
    const form = $('#filters');
    const chosen = form.elements.module.value;
    const scope = chosen ? modules.filter(m => m.id === chosen) : modules;
    const versions = [...new Set(scope.flatMap(m => m.versions || []))].sort();
    const languages = [...new Set(scope.flatMap(m => m.languages || []))].sort();
    options(form.elements.version, 'All versions', versions.map(v => [v, v]));
    const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'language' }) : null;
    options(form.elements.language, 'All languages', languages.map(l => {
      let name = l;
      try {
        name = languageNames ? `${languageNames.of(l)} (${l})` : l;
      } catch (e) {
        // not a valid language tag: show it as it is
      }
      return [l, name];
    }));
  }

  function fillModules(report) {
    modules = report.modules || [];
    options($('#f-module'), 'All modules',
      modules.map(m => [m.id, `${label(m.name, m.id)}${defined(m.learners) ? ` (${integer(m.learners)} learners)` : ''}`]));
    refreshFilterMenus();
  }

  // ---- sign-in ---------------------------------------------------------------------------------------------------

  /** A 401 or 403 while signed in: back to the sign-in form with the reason. Returns whether it was one. */
  function handleAuthFailure(error) {
    if (error.status !== 401 && error.status !== 403) {
      return false;
    }
    signOut(explain(error));
    return true;
  }

  function showSignedIn(key) {
    $('#sign-in').hidden = true;
    $('#reports').hidden = false;
    const who = $('#signed-in-as');
    who.textContent = `Signed in as ${key}`;
    who.hidden = false;
    $('#sign-out').hidden = false;
  }

  function signOut(message = '') {
    generation++;
    sessionStorage.removeItem(STORAGE_AUTH);
    sessionStorage.removeItem(STORAGE_KEY);
    for (const id of [...REPORTS, 'questions']) {
      destroyCharts(id);
      const s = section(id);
      s.body.replaceChildren();
      s.empty.hidden = true;
      showError(id, '');
    }
    $('#quiz').replaceChildren();
    modules = [];
    $('#filters').reset();
    setBusy(false);
    $('#reports').hidden = true;
    $('#signed-in-as').hidden = true;
    $('#sign-out').hidden = true;
    $('#sign-in').hidden = false;
    $('#sign-in-form').reset();
    const error = $('#sign-in-error');
    error.textContent = message;
    error.hidden = !message;
    $('#key').focus();
  }

  /** Checks a credential against the API (the modules list); on success keeps it for this tab and loads the reports. */
  async function signIn(authorization, key) {
    const error = $('#sign-in-error');
    const button = $('#sign-in-form button');
    button.disabled = true;
    try {
      const report = await request('modules', [], false, authorization);
      sessionStorage.setItem(STORAGE_AUTH, authorization);
      sessionStorage.setItem(STORAGE_KEY, key);
      error.hidden = true;
      showSignedIn(key);
      fillModules(report);
      $('#main').focus();
      await loadReports();
    } catch (e) {
      signOut(explain(e));
    } finally {
      button.disabled = false;
    }
  }

  function start() {
    $('#sign-in-form').addEventListener('submit', event => {
      event.preventDefault();
      const key = $('#key').value.trim();
      const secret = $('#secret').value;
      signIn(basic(key, secret), key);
    });
    $('#sign-out').addEventListener('click', () => signOut(''));
    $('#filters').addEventListener('submit', event => {
      event.preventDefault();
      loadReports();
    });
    $('#filters').addEventListener('reset', () => {
      // after the form has cleared its fields
      setTimeout(() => {
        if (sessionStorage.getItem(STORAGE_AUTH)) {
          refreshFilterMenus();
          loadReports();
        }
      });
    });
    $('#f-module').addEventListener('change', refreshFilterMenus);
    $('#quiz').addEventListener('change', () => loadQuestions());
    for (const button of document.querySelectorAll('button.csv')) {
      button.addEventListener('click', () => downloadCsv(button));
    }
    const stored = sessionStorage.getItem(STORAGE_AUTH);
    if (stored) {
      signIn(stored, sessionStorage.getItem(STORAGE_KEY) || '');
    } else {
      signOut('');
    }
  }

  if (typeof uPlot === 'undefined') {
    document.getElementById('sign-in-error').textContent = 'The charting library did not load.';
    document.getElementById('sign-in-error').hidden = false;
    return;
  }
  start();
})();
