export * from './handoffCase.js';
export { randomCaseId, type CaseIdGenerator } from './caseId.js';
export { byPriority, SOON_TO_EXPIRE_DAYS } from './casePriority.js';
export type { CaseScope, CaseStore, KeyValueStore } from './caseStore.js';
export { HANDOFF_ERROR_CODES, HandoffError, type HandoffErrorCode } from './handoffError.js';
export {
  HandoffService, type CustomerNotice, type CustomerNotifier, type NoticeDelivery, type HandoffServiceOptions, type HandoffSettings, type OpenedCase,
} from './handoffService.js';
export { REDACTED, redactProofs } from './redactProofs.js';
export { StorageCaseStore } from './storageCaseStore.js';
export { isTimeZone, parseOpeningSpans, SupportHours, SupportHoursError, type OpeningSpan } from './supportHours.js';
export { PendingNotices, type PendingNotice } from './pendingNotices.js';
export { PickupRouter } from './pickupRouter.js';
export type { TranscriptLog } from './transcriptLog.js';
export { StorageTranscriptLog } from './storageTranscriptLog.js';
export { SqliteTranscriptLog } from './sqliteTranscriptLog.js';
