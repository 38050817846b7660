export { ETagConversationState, ETagPrivateConversationState, ETagUserState, isETagConflict } from './etagState.js';
export { TurnQueue } from './turnQueue.js';
