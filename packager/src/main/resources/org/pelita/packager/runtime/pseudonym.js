/* Pelita pseudonyms for targets whose LRS is named at build time (docs/xapi-profile.md): a learner identifier
   becomes an account name by HMAC-SHA-256 with the build's pseudonym key (Web Crypto: secure origins only), and the
   registration a UUID derived from that name, the module's IRI and its version. No dependencies. */
(function (w) {
  'use strict';

  function hex(buffer) {
    var b = new Uint8Array(buffer), h = '';
    for (var i = 0; i < b.length; i++) h += (b[i] + 256).toString(16).slice(1);
    return h;
  }

  function available() { return !!(w.crypto && w.crypto.subtle && w.TextEncoder); }

  /* A promise of the hex HMAC-SHA-256 of message under key. */
  function hmac(key, message) {
    var s = w.crypto.subtle, text = new w.TextEncoder();
    return s.importKey('raw', text.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      .then(function (k) { return s.sign('HMAC', k, text.encode(message)); }).then(hex);
  }

  /* An RFC 9562 version 8 (custom) UUID from the first 128 bits of a hex hash. */
  function uuidOf(h) {
    h = h.slice(0, 12) + '8' + h.slice(13, 16) + ((parseInt(h.charAt(16), 16) & 3) | 8).toString(16) + h.slice(17, 32);
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20, 32);
  }

  /* A promise of { actor, registration } for identifier id of kind ('scorm12', 'web') on this origin. */
  function of(key, kind, id, activity, version) {
    var home = w.location.origin;
    return hmac(key, 'pelita:' + kind + ':' + home + '\n' + id).then(function (name) {
      return hmac(key, 'pelita:registration:' + name + '\n' + activity + '\n' + version).then(function (r) {
        return { actor: { objectType: 'Agent', account: { homePage: home, name: name } }, registration: uuidOf(r) };
      });
    });
  }

  w.PelitaPseudonym = { available: available, hmac: hmac, uuidOf: uuidOf, of: of };
})(window);
