export { ETagConversationState, ETagPrivateConversationState, ETagUserState, isETagConflict, loadTogether } from './etagState.js';
export { TurnQueue } from './turnQueue.js';
