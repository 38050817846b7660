import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isProduction, type Config } from '../config.js';
import { MIN_KEY_SECRET_LENGTH } from '../../services/feedback/index.js';

/**
 * The key of the feedback hashes: FEEDBACK_KEY_SECRET when set; in production otherwise, a key
 * derived from VERIFICATION_KEY_SECRET (which production requires), so that every instance
 * hashes a user alike without one more secret to share; in local mode with blob storage, a key
 * derived from the connection string every instance has (rotating the account key then changes
 * the hashes: set FEEDBACK_KEY_SECRET to avoid it); in local mode with SQLite storage, a key generated once and kept beside the database
 * (`<STORAGE_FILE>.feedback-key`, readable by its owner only), so that a restart hashes the same
 * user alike; with memory storage, a key that lives as long as the process (nothing outlives it).
 */
export function feedbackKeySecret(config: Config): string {
  if (config.FEEDBACK_KEY_SECRET) return config.FEEDBACK_KEY_SECRET;
  if (isProduction(config) && config.VERIFICATION_KEY_SECRET) {
    return createHmac('sha256', config.VERIFICATION_KEY_SECRET).update('renewal-bot feedback key v1').digest('hex');
  }
  if (config.STORAGE === 'memory') return randomBytes(32).toString('hex');
  if (config.STORAGE === 'blob' && config.AZURE_STORAGE_CONNECTION_STRING) {
    return createHmac('sha256', config.AZURE_STORAGE_CONNECTION_STRING).update('renewal-bot feedback key v1').digest('hex');
  }
  const file = `${config.STORAGE_FILE}.feedback-key`;
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= MIN_KEY_SECRET_LENGTH) return saved;
    throw new Error(`${file}: the feedback key is shorter than ${MIN_KEY_SECRET_LENGTH} characters; delete the file to generate a new one`);
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // 'wx': two instances starting together never overwrite each other's key.
  try {
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return feedbackKeySecret(config);
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
