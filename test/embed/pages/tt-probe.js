// Records, on <html data-…>, what a Trusted Types test page saw: uncaught errors and the guide's
// referral-error details (test/embed/embed-attack.test.ts reads them).
(function () {
  'use strict';
  var root = document.documentElement;
  function push(name, value) {
    var list = JSON.parse(root.getAttribute('data-' + name) || '[]');
    list.push(value);
    root.setAttribute('data-' + name, JSON.stringify(list));
  }
  window.addEventListener('error', function (e) {
    push('errors', String(e.message));
  });
  document.addEventListener('referral-error', function (e) {
    push('events', e.detail);
  });
})();
