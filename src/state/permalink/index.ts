/** The permalink: a pure, versioned, total codec, and the one module touching location and storage. */
export { decodePermalink, encodePermalink, fitsInLink, MAX_HASH_CHARS } from './codec.ts';
export { PERMALINK_VERSION } from './schema.ts';
export { DEFAULT_STATE } from '../defaults.ts';
export { MAX_BLOB_CHARS, MAX_LINK_ENTRIES, MAX_RAW_BYTES } from './candidates.ts';
export {
  STORAGE_KEY,
  WRITE_DEBOUNCE_MS,
  flushHash,
  flushWrites,
  linkFor,
  loadStored,
  readHash,
  saveStored,
  subscribeHash,
  writeHash,
} from './location.ts';
