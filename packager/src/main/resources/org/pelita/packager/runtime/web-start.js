/* The start page of a Pelita web site: the learner enters a pseudonymous code, never an e-mail address. The code
   is normalised (NFKC, trimmed, lower case, no spaces) and remembered in localStorage on this device; "Not you?"
   forgets it. No dependencies. */
(function (w) {
  'use strict';
  var CODE = 'pelita-web:code', d = w.document;
  var form = d.getElementById('code-form'), input = d.getElementById('code'), error = d.getElementById('code-error');
  var known = d.getElementById('code-known'), shown = d.getElementById('code-value');

  function normalise(text) {
    return String(text || '').normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  }

  function stored() {
    try { return w.localStorage.getItem(CODE); } catch (e) { return null; }
  }

  function show() {
    var code = stored();
    known.hidden = !code;
    form.hidden = !!code;
    if (code) shown.textContent = code;
    else input.focus();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var code = normalise(input.value);
    var problem = code.indexOf('@') >= 0 ? 'data-email' : !/^[\p{L}\p{N}._-]{4,40}$/u.test(code) ? 'data-invalid' : '';
    error.textContent = problem ? error.getAttribute(problem) : '';
    error.hidden = !problem;
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) { input.focus(); return; }
    try {
      w.localStorage.setItem(CODE, code);
    } catch (err) {
      error.textContent = error.getAttribute('data-storage');
      error.hidden = false;
      return;
    }
    w.location.href = form.getAttribute('data-next');
  });

  d.getElementById('code-forget').addEventListener('click', function () {
    try { w.localStorage.removeItem(CODE); } catch (e) { /* nothing stored */ }
    input.value = '';
    show();
  });

  show();
})(window);
