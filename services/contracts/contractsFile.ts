import { readFileSync } from 'node:fs';
import { addDays } from 'date-fns/addDays';
import { z } from 'zod';
import { toIsoDate } from './calendarDate.js';
import type { Contract } from './contract.js';
import { accountSchema, contractFields, contractSchema, isoDateSchema, productSchema, resellerSchema } from './contract.js';
import { formatIssues } from '../../knowledge/validation/formatIssues.js';

/** A date in a contracts file: absolute, or relative to the day the file is loaded. */
const fileDateSchema = z.union([isoDateSchema, z.strictObject({ daysFromToday: z.int() })]);
type FileDate = z.infer<typeof fileDateSchema>;

/** Strict, so that a misspelt field name is reported instead of silently ignored. */
const fileContractSchema = z.strictObject({
  ...contractFields,
  account: accountSchema.strict(),
  products: z.array(productSchema.strict()).min(1, 'must list at least one product'),
  reseller: resellerSchema.strict(),
  maintenanceStart: fileDateSchema,
  maintenanceEnd: fileDateSchema,
  renewedEnd: fileDateSchema.optional(),
});

const fileSchema = z.strictObject({
  description: z.string().optional(),
  contracts: z.array(z.unknown()),
});

/** A contracts file cannot be used; the message names the file, the record and the field. */
export class ContractsFileError extends Error {
  override readonly name = 'ContractsFileError';
}

function describeIssues(error: z.ZodError): string {
  return formatIssues(error, { root: '(record)' });
}

function resolveDate(date: FileDate, today: Date): string {
  return typeof date === 'string' ? date : toIsoDate(addDays(today, date.daysFromToday));
}

function renewalIdOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || !('renewalId' in record)) return undefined;
  return typeof record.renewalId === 'string' ? record.renewalId : undefined;
}

function resolveRecord(record: unknown, today: Date, where: string): Contract {
  const parsed = fileContractSchema.safeParse(record);
  if (!parsed.success) throw new ContractsFileError(`${where}: ${describeIssues(parsed.error)}`);
  const { renewedEnd, ...rest } = parsed.data;
  const contract = contractSchema.safeParse({
    ...rest,
    maintenanceStart: resolveDate(rest.maintenanceStart, today),
    maintenanceEnd: resolveDate(rest.maintenanceEnd, today),
    ...(renewedEnd === undefined ? {} : { renewedEnd: resolveDate(renewedEnd, today) }),
  });
  if (!contract.success) throw new ContractsFileError(`${where}: ${describeIssues(contract.error)}`);
  return contract.data;
}

/**
 * Validates the parsed content of a contracts file and turns its relative dates
 * (`{ "daysFromToday": -300 }`) into calendar dates counted from `today`.
 *
 * @param source the file name, for error messages
 * @throws ContractsFileError naming the file, the record (`contracts[2] (RNW-20481245)`) and the field
 * @example
 * resolveContracts({ contracts: [sample] }, new Date(2025, 0, 1), 'contracts.json')
 */
export function resolveContracts(data: unknown, today: Date, source: string): Contract[] {
  const file = fileSchema.safeParse(data);
  if (!file.success) throw new ContractsFileError(`${source}: ${describeIssues(file.error)}`);
  const seen = new Map<string, number>();
  return file.data.contracts.map((record, index) => {
    const renewalId = renewalIdOf(record);
    const where = `${source}: contracts[${index}]${renewalId ? ` (${renewalId})` : ''}`;
    const contract = resolveRecord(record, today, where);
    const first = seen.get(contract.renewalId);
    if (first !== undefined) throw new ContractsFileError(`${where}: renewalId: already used by contracts[${first}]`);
    seen.set(contract.renewalId, index);
    return contract;
  });
}

/**
 * Reads a contracts file (JSON: `{ "contracts": [...] }`, dates absolute `YYYY-MM-DD` or
 * `{ "daysFromToday": n }`). Meant for start-up: any problem throws, naming the file.
 *
 * @example
 * const contracts = loadContractsFile('data-samples/contracts.sample.json', clock.now());
 */
export function loadContractsFile(file: string, today: Date): Contract[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContractsFileError(`${file}: cannot be read (${reason})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContractsFileError(`${file}: is not valid JSON (${reason})`);
  }
  return resolveContracts(data, today, file);
}
