/**
 * embed.html's script: puts one <referral-guide> on the page from the query string, loads the
 * guide's classic script (the trainers' file for mode=training: the caseworkers' file has no
 * training mode), and forwards its events to the embedding page with postMessage. Plain ES2020,
 * no build step.
 *
 * Messages (docs/embedding.md), all shaped
 *   { source: 'referral-guide', version: 1, type, detail }
 * type: 'referral-ready' ({ lang }), 'referral-step', 'referral-complete',
 * 'referral-language-change', 'referral-error' (the element's event details), and
 * 'referral-resize' ({ height } in CSS pixels).
 *
 * They are posted only to one origin: `origin` from the query (an http(s) origin), else this
 * page's own. postMessage with that target origin is dropped by the browser when the parent is
 * anything else, so a page that frames the guide without being named never hears a plan.
 */
(function () {
  'use strict';
  var EVENTS = ['referral-step', 'referral-complete', 'referral-language-change', 'referral-error'];
  var params = new URLSearchParams(location.search);

  function allowedOrigin(value) {
    if (!value) return location.origin;
    try {
      var url = new URL(value);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '')) return url.origin;
    } catch (e) {
      /* fall through */
    }
    return null;
  }

  var target = allowedOrigin(params.get('origin'));
  var parentWindow = window.parent !== window ? window.parent : null;

  function post(type, detail) {
    if (!parentWindow || !target) return;
    parentWindow.postMessage({ source: 'referral-guide', version: 1, type: type, detail: detail }, target);
  }

  var guide = document.createElement('referral-guide');
  var lang = params.get('lang');
  if (lang) {
    guide.setAttribute('lang', lang);
    if (/^(da|kl|en)$/.test(lang)) document.documentElement.lang = lang;
  }
  var mode = params.get('mode');
  if (mode === 'guide' || mode === 'training') guide.setAttribute('mode', mode);
  var config = params.get('config');
  if (config) guide.setAttribute('config', config);

  EVENTS.forEach(function (name) {
    guide.addEventListener(name, function (event) {
      // Structured clone needs plain data: the details are JSON-shaped by contract.
      post(name, JSON.parse(JSON.stringify(event.detail)));
    });
  });

  if (params.get('origin') && !target) {
    console.error('referral-guide embed: "origin" must be an origin like https://intranet.example.dk; no messages are sent.');
  }

  document.getElementById('guide').append(guide);

  var script = document.createElement('script');
  script.src = mode === 'training' ? './dist/referral-guide-training.iife.js' : './dist/referral-guide.iife.js';
  document.head.append(script);

  // Heights go out once the guide is on screen (its script loaded, its first screen rendered),
  // then each time the height has held still for a moment. Reporting every change as it came
  // made a host page that follows the heights jump on load (515 → 6108 → 515 px) while the
  // script and the guide's lazy parts arrived.
  var box = document.getElementById('guide');
  var lastHeight = 0;
  var timer = 0;
  function report() {
    timer = 0;
    var height = Math.ceil(box.getBoundingClientRect().height);
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      post('referral-resize', { height: height });
    }
  }
  function settle() {
    clearTimeout(timer);
    timer = setTimeout(report, 80);
  }

  customElements.whenDefined('referral-guide').then(function () {
    return guide.updateComplete;
  }).then(function () {
    post('referral-ready', { lang: guide.language });
    report();
    new ResizeObserver(settle).observe(box);
  });
})();
