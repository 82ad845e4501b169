// Counts CSP violations on csp.html, so a person can see the page stays clean.
let count = 0;
document.addEventListener('securitypolicyviolation', (e) => {
  count += 1;
  document.getElementById('csp-status').textContent = `${count} CSP-overtrædelse(r); seneste: ${e.violatedDirective} ${e.blockedURI}`;
});
