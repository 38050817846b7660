/*
 * Puts the renewal assistant chat on any page:
 *
 *   <div id="renewal-chat" style="height: 600px"></div>
 *   <script src="https://bot-host/embed.js" data-target="renewal-chat" async></script>
 *
 * Optional: data-lang="fr" or "en" (default: the visitor's choice, else the browser's language).
 * The page's origin must be listed in the bot's ALLOWED_ORIGINS. Loads Web Chat, chat.js and
 * chat.css from the bot itself.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;
  // The bot's base URL: where this script came from, without "/embed.js".
  var botUrl = script.src.replace(/\/embed\.js(?:[?#].*)?$/, '');
  var targetId = script.getAttribute('data-target') || 'renewal-chat';
  var lang = script.getAttribute('data-lang') || undefined;

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) {
        node.setAttribute(name, attributes[name]);
      });
      node.onload = resolve;
      node.onerror = function () {
        reject(new Error('could not load ' + (attributes.src || attributes.href)));
      };
      document.head.appendChild(node);
    });
  }

  function whenReady(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback);
    else callback();
  }

  var styles = load('link', { rel: 'stylesheet', href: botUrl + '/webchat/chat.css' });
  var webChat = window.WebChat ? Promise.resolve() : load('script', { src: botUrl + '/webchat/webchat.js' });
  Promise.all([styles, webChat])
    .then(function () {
      return window.RenewalChat ? undefined : load('script', { src: botUrl + '/webchat/chat.js' });
    })
    .then(function () {
      whenReady(function () {
        var target = document.getElementById(targetId);
        if (target) window.RenewalChat.mount(target, { botUrl: botUrl, lang: lang });
        else if (window.console) window.console.error('renewal chat: no element with id "' + targetId + '" (data-target)');
      });
    })
    .catch(function (error) {
      if (window.console) window.console.error('renewal chat:', error);
    });
})();
