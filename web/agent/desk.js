// The support agents' desk: queue (live through server-sent events), one case at a time.
// Talks only to /api/agent with the session cookie; texts come from /agent/strings.json.
(function () {
  'use strict';
  var strings = {};
  var lang = pickLang();
  var me = null;
  var current = null;
  var events = null;
  var live = false;

  function pickLang() {
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'fr' || asked === 'en') return asked;
    var saved = localStorage.getItem('desk-lang');
    if (saved === 'fr' || saved === 'en') return saved;
    return (navigator.language || 'fr').toLowerCase().indexOf('en') === 0 ? 'en' : 'fr';
  }

  function t(key, vars) {
    var value = key.split('.').reduce(function (o, k) { return o && typeof o === 'object' ? o[k] : undefined; }, strings[lang]);
    var text = typeof value === 'string' ? value : key;
    return text.replace(/\{\{(\w+)\}\}/g, function (_m, name) { return vars && vars[name] !== undefined ? String(vars[name]) : ''; });
  }

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function applyTexts() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-text]').forEach(function (node) { node.textContent = t(node.getAttribute('data-text')); });
    $('lang-toggle').textContent = lang === 'fr' ? 'English' : 'Français';
    $('note').placeholder = t('notePlaceholder');
    $('resolution').placeholder = t('resolutionPlaceholder');
    $('who').textContent = me ? t('signedInAs', { agent: me }) : '';
    $('live').textContent = !me ? '' : live ? '● ' + t('live') : t('offline');
    $('report-link').hidden = !me;
    $('report-link').href = '/agent/report?lang=' + lang;
  }

  // Where a page of the desk (the report) sent the agent to sign in: only those pages, no other address.
  function returnTo() {
    var next = new URLSearchParams(location.search).get('next');
    return next && /^\/agent\/report(\?lang=(fr|en))?$/.test(next) ? next : null;
  }

  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: {} };
    if (method !== 'GET') {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body || {});
    }
    return fetch(path, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.status === 401) { showSignIn(me !== null); }
        if (!res.ok) { var e = new Error((data.error && data.error.message) || res.statusText); e.status = res.status; e.code = data.error && data.error.code; throw e; }
        return data;
      });
    });
  }

  // ended: the session stopped under the agent (idle, signed out elsewhere, token changed).
  function showSignIn(ended) {
    me = null;
    if (events) { events.close(); events = null; }
    $('signin').hidden = false;
    $('desk').hidden = true;
    $('signout').hidden = true;
    if (new URLSearchParams(location.search).get('signin') === 'expired') $('signin-error').textContent = t('signInFailed');
    if (ended === true) $('signin-error').textContent = t('sessionEnded');
    applyTexts();
  }

  function showDesk(agent) {
    if (returnTo()) { location.replace(returnTo()); return; }
    me = agent;
    $('signin').hidden = true;
    $('desk').hidden = false;
    $('signout').hidden = false;
    applyTexts();
    listen();
    refresh();
  }

  function listen() {
    if (events) events.close();
    events = new EventSource('/api/agent/events');
    events.onopen = function () { live = true; applyTexts(); };
    events.onerror = function () { live = false; applyTexts(); };
    events.addEventListener('case', refresh);
    events.addEventListener('refresh', refresh);
  }

  function urgent(c) {
    return c.contract && (c.contract.status === 'expired' || c.contract.daysLeft <= 30);
  }

  function caseButton(c) {
    var label = c.id + ' · ' + c.summary;
    var button = el('button', { type: 'button', 'data-case': c.id, 'aria-current': String(current === c.id) }, [
      el('span', { text: label, className: urgent(c) ? 'urgent' : '' }),
    ]);
    button.addEventListener('click', function () { current = c.id; $('reply-status').textContent = ''; refresh(); });
    return el('li', {}, [button]);
  }

  function fill(list, cases) {
    list.replaceChildren.apply(list, cases.map(caseButton));
  }

  function refresh() {
    if (!me) return;
    Promise.all([api('GET', '/api/agent/cases?status=waiting'), api('GET', '/api/agent/cases?status=assigned')]).then(function (r) {
      var waiting = r[0].cases;
      fill($('queue'), waiting);
      if (waiting.length === 0) $('queue').replaceChildren(el('li', { text: t('empty') }));
      fill($('mine'), r[1].cases.filter(function (c) { return c.agent === me; }));
    }).catch(function () {});
    if (current) api('GET', '/api/agent/cases/' + current).then(showCase).catch(showError);
  }

  function line(who, text, at, className) {
    return el('li', { className: className || '' }, [el('span', { className: 'who', text: who }), el('span', { text: text }), el('time', { datetime: at, text: ' ' + new Date(at).toLocaleTimeString(lang) })]);
  }

  function showCase(c) {
    $('choose').hidden = true;
    $('case-view').hidden = false;
    $('case-error').textContent = '';
    $('case-title').textContent = c.id + ' — ' + t('statuses.' + c.status) + (c.agent ? ' (' + c.agent + ')' : '');
    var mine = c.status === 'assigned' && c.agent === me;
    $('claim').hidden = c.status !== 'waiting';
    $('reply-form').hidden = !mine;
    $('release').hidden = !mine;
    $('close-form').hidden = c.status === 'closed' || (c.status === 'assigned' && !mine);
    var contract = c.contract ? c.contract.renewalId + ' — ' + t('contractStates.' + c.contract.status) + ' (' + c.contract.endDate + ')' : t('noContract');
    var rows = [['language', c.lang === 'fr' ? 'Français' : 'English'], ['channel', c.channel], ['reason', t('reasons.' + c.reason)], ['summary', c.summary], ['contract', contract]];
    if (c.email) rows.push(['email', c.email]);
    if (c.resolution) rows.push(['resolution', c.resolution]);
    $('context').replaceChildren.apply($('context'), rows.reduce(function (all, r) { return all.concat([el('dt', { text: t(r[0]) }), el('dd', { text: r[1] })]); }, []));
    $('transcript').replaceChildren.apply($('transcript'), c.transcript.map(function (l) { return line(t(l.from), l.text, l.at, l.from); }));
    $('messages').replaceChildren.apply($('messages'), c.messages.map(function (m) { return line(m.from === 'agent' ? m.author : t(m.from), m.text, m.at, m.from); }));
    $('notes').replaceChildren.apply($('notes'), c.notes.map(function (n) { return line(n.agent, n.text, n.at); }));
    var box = $('messages'); box.scrollTop = box.scrollHeight;
  }

  function showError(error) {
    $('case-error').textContent = error.code === 'claimed-by-other' ? t('claimedByOther') : t('error', { message: error.message });
  }

  function act(method, path, body) {
    return api(method, path, body).then(function (c) { showCase(c); refresh(); }).catch(showError);
  }

  function start() {
    $('lang-toggle').addEventListener('click', function () {
      lang = lang === 'fr' ? 'en' : 'fr';
      localStorage.setItem('desk-lang', lang);
      applyTexts();
      refresh();
    });
    $('signin-form').addEventListener('submit', function (e) {
      e.preventDefault();
      api('POST', '/agent/session', { token: $('token').value }).then(function (r) {
        $('token').value = '';
        showDesk(r.agent);
      }).catch(function () { $('signin-error').textContent = t('signInFailed'); $('signin').hidden = false; });
    });
    $('signout').addEventListener('click', function () { api('POST', '/agent/signout').catch(function () {}).then(function () { showSignIn(false); }); });
    $('claim').addEventListener('click', function () { act('POST', '/api/agent/cases/' + current + '/claim'); });
    $('release').addEventListener('click', function () { act('POST', '/api/agent/cases/' + current + '/release'); });
    $('reply-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var text = $('reply').value;
      api('POST', '/api/agent/cases/' + current + '/messages', { text: text }).then(function (c) {
        $('reply').value = '';
        showCase(c);
        // Said when the customer has not seen it yet (terminal) or could not be reached.
        $('reply-status').textContent = c.delivery === 'waiting-for-pickup' ? t('deliveryWaiting') : c.delivery === 'failed' ? t('deliveryFailed') : '';
      }).catch(showError);
    });
    $('note-form').addEventListener('submit', function (e) {
      e.preventDefault();
      act('POST', '/api/agent/cases/' + current + '/notes', { text: $('note').value }).then(function () { $('note').value = ''; });
    });
    $('close-form').addEventListener('submit', function (e) {
      e.preventDefault();
      act('POST', '/api/agent/cases/' + current + '/close', { resolution: $('resolution').value }).then(function () { $('resolution').value = ''; });
    });
    fetch('/agent/strings.json').then(function (r) { return r.json(); }).then(function (s) {
      strings = s;
      applyTexts();
      return fetch('/api/agent/me', { credentials: 'same-origin' });
    }).then(function (res) {
      return res.ok ? res.json().then(function (r) { showDesk(r.agent); }) : showSignIn();
    });
  }

  document.addEventListener('DOMContentLoaded', start);
})();
