export { registerWebChat, type WebChatOptions, type WebChatParts } from './registerWebChat.js';
export { registerStaticRoutes, webChatBundle } from './staticRoutes.js';
export { pageStrings } from './pageStrings.js';
