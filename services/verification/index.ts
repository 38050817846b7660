export { attemptRecordSchema, type AttemptChange, type AttemptRecord, type AttemptStore, type KeyedChange } from './attemptStore.js';
export { ALERT_SOURCES, delayAfter, RENEWAL_ID_POLICY, SOURCE_POLICY, type AttemptPolicy } from './attemptPolicy.js';
export { MemoryAttemptStore } from './memoryAttemptStore.js';
export { SqliteAttemptStore } from './sqliteAttemptStore.js';
export {
  VerificationService,
  type AttemptStatus,
  type ProofVerification,
  type TenantVerification,
  type VerificationAlert,
  type VerificationServiceOptions,
} from './verificationService.js';
