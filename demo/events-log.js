// Shows the guide's events on the demo pages (an external file, so the strict-CSP page can use it too).
const log = document.getElementById('events');
for (const name of ['referral-step', 'referral-complete', 'referral-language-change', 'referral-error']) {
  document.addEventListener(name, (e) => {
    const li = document.createElement('li');
    const who = e.target.id ? `#${e.target.id} ` : '';
    li.textContent = `${who}${name}: ${JSON.stringify(e.detail).slice(0, 240)}`;
    log?.append(li);
  });
}
