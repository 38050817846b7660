import type { Lang } from '../../../knowledge/schema.js';
import type { Translate } from '../../i18n.js';
import { escapeHtml } from './reportCharts.js';

/**
 * The page shell, served to a signed-in agent only: links back to the desk and to the other
 * language, the period form, and an empty report area that /agent/report.js fills. No data in it.
 */
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
header nav{display:flex;gap:16px;flex-wrap:wrap}
h1{font-size:1.5rem;margin:0}h2{font-size:1.15rem;margin:24px 0 8px}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}
.n{color:#666}.empty{color:#666}form{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:12px 0}
input,select,button{font-size:1rem;padding:6px}section{overflow-x:auto}
</style>
</head>
<body data-lang="${lang}">
<header><h1>${e(t('report.page.heading'))}</h1>
<nav><a id="desk-link" href="/agent?lang=${lang}">${e(t('report.page.backToDesk'))}</a> <a id="lang-link" href="/agent/report?lang=${other}" lang="${other}" data-lang="${other}">${e(t('report.page.language'))}</a></nav></header>
<form id="period">
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

/**
 * The page's script. The agent's language choice is the desk's (localStorage `desk-lang`): the
 * language link stores it as the desk's button does, and a visit without `?lang=` follows it.
 * Data comes with the desk's session cookie; when the session has ended, back to the desk's sign-in.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var lang = document.body.getAttribute('data-lang');
  var params = new URLSearchParams(location.search);
  var saved = null;
  try { saved = localStorage.getItem('desk-lang'); } catch (e) { saved = null; }
  if (!params.get('lang') && (saved === 'fr' || saved === 'en') && saved !== lang) {
    location.replace('/agent/report?lang=' + saved);
    return;
  }
  var period = document.getElementById('period');
  var report = document.getElementById('report');
  var langLink = document.getElementById('lang-link');
  langLink.addEventListener('click', function () {
    try { localStorage.setItem('desk-lang', langLink.getAttribute('data-lang')); } catch (e) { /* private mode: the link still switches */ }
  });
  function load() {
    var since = document.getElementById('since').value;
    fetch('/api/agent/report/view?lang=' + encodeURIComponent(lang) + '&since=' + encodeURIComponent(since), { credentials: 'same-origin' })
      .then(function (res) {
        if (res.status === 401) {
          location.assign('/agent?lang=' + lang + '&next=' + encodeURIComponent('/agent/report?lang=' + lang));
          return;
        }
        return res.text().then(function (html) {
          report.innerHTML = html;
          report.setAttribute('data-loaded', since);
        });
      });
  }
  period.addEventListener('submit', function (event) { event.preventDefault(); load(); });
  load();
})();
`;
