export { pageCsp, registerWebChat, type WebChatRoutes } from './registerWebChat.js';
export { registerStaticRoutes, webChatBundle } from './staticRoutes.js';
export { pageStrings } from './pageStrings.js';
