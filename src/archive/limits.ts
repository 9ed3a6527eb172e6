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

/**
 * Refuse an archive whose files add up to more than this many times the
 * archive's own size, whether declared or as actually unpacked. Checking
 * the whole archive catches thousands of small files that each stay under
 * RATIO_CHECK_MIN_BYTES. Real pages deflate 4 to 20 times and photos not
 * at all, so a real space.zip stays far below; a zip bomb grows about
 * 1,000 times.
 */
export const MAX_ARCHIVE_COMPRESSION_RATIO = 100;

/** Archives smaller than this unpacked are never refused for their ratio. */
export const ARCHIVE_RATIO_MIN_BYTES = 64 * 1024 * 1024;

/** Refuse archives listing more files than this. */
export const MAX_ENTRIES = 200000;

/** Pages larger than this are not parsed (no Spaces page came close). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/**
 * Markup nested deeper than this is flattened before it is read (real
 * pages nest a few dozen levels; the serializer overflows Node's stack at
 * about 2,500 nested `<div>`s, and browsers' Worker stacks can be smaller).
 */
export const MAX_MARKUP_DEPTH = 256;

/*
 * The reader's memory budget. Whatever the input, the reader holds at once:
 * the page being read (at most MAX_PAGE_BYTES of text, and its parsed
 * document, a few times that), and what it keeps of the posts read so far
 * (at most MAX_KEPT_TEXT_CHARS characters of post and comment HTML, at most
 * two bytes each, plus their titles, dates and links). Media files are
 * never held: only their first bytes are read. An archive that needs more
 * is refused with `too-much-text` rather than exhausting the browser tab.
 */

/**
 * Stop after parsing this much page text in all (a real space.zip holds a
 * few hundred megabytes at most); bounds the time spent on a hostile
 * archive of many small pages.
 */
export const MAX_TOTAL_PAGE_BYTES = 1024 * 1024 * 1024;

/**
 * Stop when the posts and comments kept add up to more HTML than this
 * (a blog of 5,000 posts and 50,000 comments keeps about 10 million
 * characters).
 */
export const MAX_KEPT_TEXT_CHARS = 128 * 1024 * 1024;
