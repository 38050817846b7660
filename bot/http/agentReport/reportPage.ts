import type { Lang } from '../../../knowledge/schema.js';
import type { Translate } from '../../i18n.js';
import { escapeHtml } from './reportCharts.js';

/** The page shell: sign-in form and an empty report area that /agent/report.js fills. No data in it. */
export function reportPage(lang: Lang, t: Translate): string {
  const e = escapeHtml;
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${e(t('report.page.heading'))}</title>
<style>
[hidden]{display:none!important}
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:980px;padding:16px;color:#1b1b1b}
header{display:flex;justify-content:space-between;align-items:center;gap:12px;flex-wrap:wrap}
h1{font-size:1.5rem;margin:0}h2{font-size:1.15rem;margin:24px 0 8px}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}
.n{color:#666}.empty{color:#666}.error{color:#b00020}form{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:12px 0}
input,select,button{font-size:1rem;padding:6px}section{overflow-x:auto}
</style>
</head>
<body data-lang="${lang}">
<header><h1>${e(t('report.page.heading'))}</h1><a href="/agent/report?lang=${other}" lang="${other}">${e(t('report.page.language'))}</a></header>
<form id="sign-in" hidden>
<label>${e(t('report.page.token'))} <input id="token" type="password" autocomplete="off" minlength="24" required></label>
<button type="submit">${e(t('report.page.signInButton'))}</button>
</form>
<p id="error" class="error" role="alert" hidden>${e(t('report.page.signInFailed'))}</p>
<form id="period" hidden>
<label>${e(t('report.page.since'))} <select id="since"><option value="7d">7 d</option><option value="30d" selected>30 d</option><option value="90d">90 d</option></select></label>
<button type="submit">${e(t('report.page.show'))}</button>
<a id="json" href="/api/agent/report">${e(t('report.page.json'))}</a>
</form>
<main id="report" aria-live="polite"></main>
<script src="/agent/report.js"></script>
</body>
</html>
`;
}

/** The page's script: keeps the token for the tab only (sessionStorage) and sends it as a Bearer header. */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var lang = document.body.getAttribute('data-lang');
  var signIn = document.getElementById('sign-in');
  var period = document.getElementById('period');
  var error = document.getElementById('error');
  var report = document.getElementById('report');
  function token() { return sessionStorage.getItem('agentToken') || ''; }
  function showSignIn(failed) {
    signIn.hidden = false; period.hidden = true; error.hidden = !failed; report.textContent = '';
  }
  function load() {
    if (!token()) { showSignIn(false); return; }
    var since = document.getElementById('since').value;
    fetch('/api/agent/report/view?lang=' + encodeURIComponent(lang) + '&since=' + encodeURIComponent(since), { headers: { Authorization: 'Bearer ' + token() } })
      .then(function (res) {
        if (res.status === 401) { sessionStorage.removeItem('agentToken'); showSignIn(true); return; }
        return res.text().then(function (html) {
          signIn.hidden = true; error.hidden = true; period.hidden = false;
          report.innerHTML = html;
          report.setAttribute('data-loaded', since);
        });
      });
  }
  signIn.addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem('agentToken', document.getElementById('token').value.trim());
    load();
  });
  period.addEventListener('submit', function (event) { event.preventDefault(); load(); });
  load();
})();
`;
