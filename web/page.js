/* The support page (index.html): mounts the chat and translates the page with it. */
(function () {
  'use strict';

  var target = document.getElementById('renewal-chat');

  target.addEventListener('renewalchat:language', function (event) {
    var strings = event.detail.strings || {};
    document.documentElement.lang = event.detail.lang;
    if (strings.title) document.title = strings.title;
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) {
      var text = strings[node.getAttribute('data-i18n')];
      if (text) node.textContent = text;
    });
  });

  window.RenewalChat.mount(target, { botUrl: '', title: false }).then(function (chat) {
    // For the end-to-end tests and for debugging from the console.
    window.renewalChat = chat;
  });
})();
