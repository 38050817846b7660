export type { AttemptStore } from './attemptStore.js';
export { MemoryAttemptStore } from './memoryAttemptStore.js';
export { SqliteAttemptStore } from './sqliteAttemptStore.js';
export {
  FAILURE_WINDOW_MS,
  LOCK_MS,
  MAX_FAILURES,
  VerificationService,
  type ProofVerification,
  type TenantVerification,
  type VerificationServiceOptions,
} from './verificationService.js';
