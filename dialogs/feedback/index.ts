export { FeedbackFlow, type FeedbackFlowOptions } from './feedbackFlow.js';
export type { FeedbackState, FeedbackStateAccessor } from './feedbackState.js';
