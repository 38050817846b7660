import type { LinkKey } from '../../knowledge/schema.js';

/** URLs of the pages the FAQ names; a key without a URL is simply not offered. */
export type LinkUrls = Partial<Record<LinkKey, string>>;
