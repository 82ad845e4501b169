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
 * They are posted only to one origin, and only to one the operator allowed: the origins listed
 * in embed.html's <meta name="referral-guide-parents"> (set when the page is deployed), plus this
 * page's own. `origin` from the query picks one of them (default: this page's own). A framing
 * page cannot add itself: it writes the query, not the deployed file. An `origin` not on the list
 * sends nothing and says so in the console. postMessage with a target origin is also dropped by
 * the browser when the actual parent is another origin.
 */
(function () {
  'use strict';
  var EVENTS = ['referral-step', 'referral-complete', 'referral-language-change', 'referral-error'];
  var params = new URLSearchParams(location.search);

  function originOf(value) {
    try {
      var url = new URL(value);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '')) return url.origin;
    } catch (e) {
      /* fall through */
    }
    return null;
  }

  /** The operator's list (embed.html's meta), plus this page's own origin. */
  function allowedParents() {
    var meta = document.querySelector('meta[name="referral-guide-parents"]');
    var listed = ((meta && meta.getAttribute('content')) || '').split(/\s+/).filter(Boolean);
    var allowed = [location.origin];
    listed.forEach(function (value) {
      var origin = originOf(value);
      if (origin) allowed.push(origin);
      else console.error('referral-guide embed: "' + value + '" in referral-guide-parents is not an origin like https://intranet.example.dk; ignored.');
    });
    return allowed;
  }

  function allowedOrigin(value) {
    if (!value) return location.origin;
    var origin = originOf(value);
    return origin && allowedParents().indexOf(origin) !== -1 ? origin : null;
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
    console.error(
      'referral-guide embed: "origin" must be one of the origins listed in embed.html (meta referral-guide-parents); no messages are sent.',
    );
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
