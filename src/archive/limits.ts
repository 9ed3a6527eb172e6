/**
 * Limits that keep a hostile or broken archive from exhausting memory or
 * time. They are generous for a real blog: the largest Spaces blogs held a
 * few thousand posts and a few thousand images.
 */

/** Refuse archives whose files add up to more than this once unpacked. */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024;

/** Refuse any single file larger than this once unpacked. */
export const MAX_FILE_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

/**
 * Refuse a file that claims to grow more than this many times when unpacked.
 * HTML deflates about 5 to 20 times; a zip bomb grows about 1,000 times.
 */
export const MAX_COMPRESSION_RATIO = 200;

/** Files smaller than this unpacked are never refused for their ratio. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/** Refuse archives listing more files than this. */
export const MAX_ENTRIES = 200000;

/** Pages larger than this are not parsed (no Spaces page came close). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;
