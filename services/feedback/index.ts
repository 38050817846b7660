export { FEEDBACK_KINDS, type FeedbackEvent, type FeedbackKind, type FeedbackSource } from './feedbackEvent.js';
export type { FeedbackStore } from './feedbackStore.js';
export { MemoryFeedbackStore } from './memoryFeedbackStore.js';
export { SqliteFeedbackStore } from './sqliteFeedbackStore.js';
export { KeyedHasher, MIN_KEY_SECRET_LENGTH } from './keyedHash.js';
export { FeedbackRecorder, type FeedbackRecorderOptions } from './feedbackRecorder.js';
export { redact, REDACTED, MAX_STORED_TEXT } from './redact.js';
