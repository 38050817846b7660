/*
 * Renewal assistant chat: mounts Bot Framework Web Chat (window.WebChat, from /webchat/webchat.js)
 * in an element, with a FR/EN toggle and a "new conversation" button.
 *
 *   RenewalChat.mount(element, { botUrl: 'https://bot-host', lang: 'fr', title: true })
 *
 * - The token comes from the bot's POST /api/directline/token (never a Direct Line secret).
 * - The user id the server made (and signed) is kept in localStorage, so the bot knows the
 *   user again; the conversation (id + token) is kept in sessionStorage, so a reload of the
 *   tab reconnects to it and Web Chat shows its history (replayed from watermark 0).
 * - Messages are rendered by Web Chat, which renders markdown with raw HTML disabled and
 *   sanitizes the result: what a user or the bot types is shown as text, never run.
 *
 * The element receives a `renewalchat:language` event ({ lang, strings }) whenever the language
 * is set, so the host page can translate its own texts.
 */
(function () {
  'use strict';

  var LOCALES = { fr: 'fr-FR', en: 'en-US' };
  var USER_KEY = 'renewalChat.user';
  var LANG_KEY = 'renewalChat.lang';
  var SESSION_KEY = 'renewalChat.session';
  // Web Chat's Direct Line client refreshes its token every 15 minutes (tokens live 30), so a
  // token saved now is still good for at least 15 minutes.
  var SAVED_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
  var ONLINE = 2;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;
  var FALLBACK_STRINGS = {
    title: 'Maintenance renewal assistant / Assistant renouvellement de maintenance',
    unavailable: 'The assistant is not available right now. / L\u2019assistant n\u2019est pas disponible pour le moment.',
  };

  var ACCENT = '#0a5fb4';
  var STYLE_OPTIONS = {
    accent: ACCENT,
    primaryFont: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
    backgroundColor: '#f5f7fa',
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#dde3ea',
    bubbleBorderRadius: 10,
    bubbleFromUserBackground: ACCENT,
    bubbleFromUserBorderColor: ACCENT,
    bubbleFromUserBorderRadius: 10,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 600,
    hideUploadButton: true,
    // Markdown yes, raw HTML no: markup in a message (from the user or the bot) shows as text.
    markdownRenderHTML: false,
    sendBoxHeight: 52,
    sendBoxBorderTop: 'solid 1px #dde3ea',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: ACCENT,
    suggestedActionBorderRadius: 18,
    suggestedActionBorderWidth: 1,
    suggestedActionHeight: 36,
    suggestedActionTextColor: ACCENT,
    rootHeight: '100%',
    rootWidth: '100%',
  };

  function usableStorage(name) {
    try {
      var store = window[name];
      store.setItem('renewalChat.probe', '1');
      store.removeItem('renewalChat.probe');
      return store;
    } catch (e) {
      return null; // private mode, storage disabled: the chat still works, without memory
    }
  }
  var localStore = usableStorage('localStorage');
  var sessionStore = usableStorage('sessionStorage');

  function read(store, key) {
    if (!store) return null;
    try {
      return JSON.parse(store.getItem(key) || 'null');
    } catch (e) {
      return null;
    }
  }

  function write(store, key, value) {
    if (!store) return;
    try {
      if (value === null) store.removeItem(key);
      else store.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* quota: not worth failing the chat for */
    }
  }

  /** The toggle's last choice, else the browser's language. */
  function preferredLang(explicit) {
    if (explicit === 'fr' || explicit === 'en') return explicit;
    var saved = read(localStore, LANG_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
    return /^fr\b/i.test(navigator.language || '') ? 'fr' : 'en';
  }

  /** An element with attributes and text only: nothing here is ever parsed as HTML. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function mount(target, options) {
    options = options || {};
    var botUrl = (options.botUrl || '').replace(/\/+$/, '');
    var sessionKey = SESSION_KEY + ':' + (botUrl || window.location.origin);
    var state = { lang: preferredLang(options.lang), strings: null, directLine: null, store: null };

    var title = el('span', { class: 'rc-title' });
    var langLabel = el('span', { class: 'rc-lang-label' });
    var frButton = el('button', { type: 'button', class: 'rc-lang-option', 'data-lang': 'fr', lang: 'fr' }, ['FR']);
    var enButton = el('button', { type: 'button', class: 'rc-lang-option', 'data-lang': 'en', lang: 'en' }, ['EN']);
    var langGroup = el('div', { class: 'rc-lang', role: 'group' }, [frButton, enButton]);
    var restartButton = el('button', { type: 'button', class: 'rc-restart' });
    var bar = el('div', { class: 'rc-bar' }, [
      options.title === false ? el('span', { class: 'rc-spacer' }) : title,
      el('span', { class: 'rc-lang-wrap' }, [langLabel, langGroup]),
      restartButton,
    ]);
    var status = el('div', { class: 'rc-status', role: 'status', 'aria-live': 'polite', hidden: '' });
    var chat = el('div', { class: 'rc-webchat' });
    var root = el('section', { class: 'rc' }, [bar, status, chat]);
    while (target.firstChild) target.removeChild(target.firstChild);
    target.appendChild(root);

    function t(key) {
      var strings = state.strings && state.strings[state.lang];
      return (strings && strings[key]) || FALLBACK_STRINGS[key] || '';
    }

    function showStatus(text, isError) {
      status.textContent = text;
      status.hidden = false;
      if (isError) status.setAttribute('data-kind', 'error');
      else status.removeAttribute('data-kind');
    }

    function hideStatus() {
      status.hidden = true;
    }

    function applyTexts() {
      title.textContent = t('title');
      root.setAttribute('aria-label', t('chatLabel'));
      langLabel.textContent = t('languageLabel');
      langGroup.setAttribute('aria-label', t('languageLabel'));
      frButton.setAttribute('aria-label', t('langFr'));
      enButton.setAttribute('aria-label', t('langEn'));
      frButton.setAttribute('aria-pressed', String(state.lang === 'fr'));
      enButton.setAttribute('aria-pressed', String(state.lang === 'en'));
      restartButton.textContent = t('newConversation');
    }

    function announceLanguage() {
      var strings = (state.strings && state.strings[state.lang]) || {};
      target.dispatchEvent(new CustomEvent('renewalchat:language', { bubbles: true, detail: { lang: state.lang, strings: strings } }));
    }

    function render() {
      if (!state.directLine) return;
      // Rendering again with the same Direct Line and store only changes the props: here the
      // locale, which Web Chat puts on every activity it sends, so the bot hears the switch.
      window.WebChat.renderWebChat(
        // No userID: Web Chat reads the user id from the token, where the server put it.
        { directLine: state.directLine, store: state.store, locale: LOCALES[state.lang], styleOptions: STYLE_OPTIONS },
        chat,
      );
    }

    function saveSession(directLine, extra) {
      if (!directLine.conversationId || !directLine.token) return;
      write(sessionStore, sessionKey, {
        conversationId: directLine.conversationId,
        token: directLine.token,
        domain: extra.domain,
        webSocket: extra.webSocket,
        expiresAt: Date.now() + SAVED_TOKEN_LIFETIME_MS,
      });
    }

    function start(directLineOptions, resumed) {
      var directLine = window.WebChat.createDirectLine(directLineOptions);
      var where = { domain: directLineOptions.domain, webSocket: directLineOptions.webSocket };
      state.directLine = directLine;
      state.store = window.WebChat.createStore();
      directLine.connectionStatus$.subscribe(function (connectionStatus) {
        if (state.directLine !== directLine) return; // an earlier conversation, ended on purpose
        if (connectionStatus === ONLINE) {
          hideStatus();
          saveSession(directLine, where);
        } else if ((connectionStatus === FAILED_TO_CONNECT || connectionStatus === ENDED) && resumed) {
          // The saved conversation is gone (expired on the server): start a new one, once.
          restart();
        } else if (connectionStatus === FAILED_TO_CONNECT) {
          showStatus(t('unavailable'), true);
        }
      });
      window.addEventListener('pagehide', function () {
        // The client may have refreshed its token since: keep the current one for the reload.
        if (state.directLine === directLine) saveSession(directLine, where);
      });
      render();
    }

    function connect() {
      showStatus(t('connecting'));
      var saved = read(sessionStore, sessionKey);
      if (saved && saved.conversationId && saved.token && saved.expiresAt > Date.now()) {
        start({ token: saved.token, conversationId: saved.conversationId, watermark: '0', domain: saved.domain, webSocket: saved.webSocket }, true);
        return;
      }
      var user = read(localStore, USER_KEY) || {};
      fetch(botUrl + '/api/directline/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId: user.userId, userSignature: user.userSignature }),
      })
        .then(function (res) {
          if (!res.ok) throw new Error('token: HTTP ' + res.status);
          return res.json();
        })
        .then(function (session) {
          write(localStore, USER_KEY, { userId: session.userId, userSignature: session.userSignature });
          start(
            {
              token: session.token,
              domain: session.domain,
              webSocket: session.webSocket,
              conversationStartProperties: { locale: LOCALES[state.lang] },
            },
            false,
          );
        })
        .catch(function () {
          showStatus(t('unavailable'), true);
        });
    }

    function restart() {
      var previous = state.directLine;
      state.directLine = null;
      write(sessionStore, sessionKey, null);
      if (previous) previous.end();
      // A fresh container: the previous Web Chat stays bound to the conversation that ended.
      var fresh = el('div', { class: 'rc-webchat' });
      root.replaceChild(fresh, chat);
      chat = fresh;
      connect();
    }

    function setLanguage(lang) {
      if ((lang !== 'fr' && lang !== 'en') || lang === state.lang) return;
      state.lang = lang;
      write(localStore, LANG_KEY, lang);
      applyTexts();
      render();
      announceLanguage();
      // Tell the bot too: the toggle is an explicit choice, like typing "speak English".
      if (state.store) state.store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'setLanguage', value: lang } });
    }

    frButton.addEventListener('click', function () {
      setLanguage('fr');
    });
    enButton.addEventListener('click', function () {
      setLanguage('en');
    });
    restartButton.addEventListener('click', restart);

    var controller = {
      setLanguage: setLanguage,
      restart: restart,
      get language() {
        return state.lang;
      },
      get conversationId() {
        return state.directLine ? state.directLine.conversationId : undefined;
      },
    };

    applyTexts();
    return fetch(botUrl + '/webchat/strings.json')
      .then(function (res) {
        if (!res.ok) throw new Error('strings: HTTP ' + res.status);
        return res.json();
      })
      .then(function (strings) {
        state.strings = strings;
        applyTexts();
        announceLanguage();
        connect();
        return controller;
      })
      .catch(function () {
        showStatus(t('unavailable'), true);
        return controller;
      });
  }

  window.RenewalChat = { mount: mount };
})();
