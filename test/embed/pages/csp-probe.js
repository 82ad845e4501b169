// Loaded first on the strict-CSP test pages: records every CSP violation where the test can read it.
document.documentElement.dataset.violations = '[]';
document.addEventListener('securitypolicyviolation', (e) => {
  const list = JSON.parse(document.documentElement.dataset.violations);
  list.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
  document.documentElement.dataset.violations = JSON.stringify(list);
});
