export { IN_MEMORY, openDatabase } from './openDatabase.js';
export { SqliteStorage } from './sqliteStorage.js';
