export * from './contract.js';
export { parseIsoDate, toIsoDate } from './calendarDate.js';
export { extractRenewalId } from './extractRenewalId.js';
export { maskRenewalId } from './maskRenewalId.js';
export { contractStatus, EXPIRING_WITHIN_DAYS, type ContractStatus, type ContractStatusName } from './contractStatus.js';
export { needsRenewal, RENEWAL_WINDOW_DAYS } from './needsRenewal.js';
export { graceNoticeDate } from './graceNoticeDate.js';
export { alignEndDates, type CoTerminationPreview, type EndDateChange, type ExcludedContract } from './alignEndDates.js';
export {
  QUOTE_RECEIPT_STATUSES,
  quoteRequestReceiptSchema,
  quoteRequestSchema,
  type ContractService,
  type QuoteRequest,
  type QuoteRequestOptions,
  type QuoteRequestReceipt,
} from './contractService.js';
export { CONTRACT_API_ERROR_CODES, ContractApiError, type ContractApiErrorCode } from './contractApiError.js';
export { normalizeProof, proofMatches } from './proofMatches.js';
export { quoteRecordSchema, type QuoteRecord, type QuoteStore } from './quoteStore.js';
export { MemoryQuoteStore } from './memoryQuoteStore.js';
export { SqliteQuoteStore } from './sqliteQuoteStore.js';
export { ContractsFileError, loadContractsFile, resolveContracts } from './contractsFile.js';
export {
  FileContractService,
  type FileContractServiceFileOptions,
  type FileContractServiceOptions,
} from './fileContractService.js';
export { HttpContractService, type HttpContractServiceOptions } from './httpContractService.js';
export { createContractService, type CreateContractServiceOptions } from './createContractService.js';
