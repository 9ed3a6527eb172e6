<?php
/**
 * The meta the importer writes on what it imports, and the finders that look
 * posts and attachments up by it.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * One place for the keys of the meta written on imported posts, attachments,
 * comments and terms (the run's own record keeps its keys in {@see Run_Store}
 * and {@see Run_Report}), and for the lookups by them.
 */
final class Item_Meta {

	/**
	 * The run that created an item: posts, attachments, comments, terms.
	 */
	const RUN = '_spaces_importer_run';

	/**
	 * A post's Spaces item id (`cns!<CID>!<N>`, or `local!<hex>`): its identity.
	 */
	const SOURCE_ID = '_spaces_importer_source_id';

	/**
	 * A post's address on Spaces.
	 */
	const ORIGINAL_URL = '_spaces_importer_original_url';

	/**
	 * A hash of what a post was written from, to tell whether it changed.
	 */
	const HASH = '_spaces_importer_hash';

	/**
	 * A post's links to other posts of the archive, `{ href, sourceId }`.
	 */
	const LINKS = '_spaces_importer_links';

	/**
	 * The run whose finalize rewrites a post's links.
	 */
	const LINKS_PENDING = '_spaces_importer_links_pending';

	/**
	 * A post whose links name posts not on the site yet: a later run
	 * (the rest of the blog, imported from another archive) may bring them.
	 */
	const LINKS_UNRESOLVED = '_spaces_importer_links_unresolved';

	/**
	 * The fields of a post before a run updated it; the run id follows.
	 */
	const PRIOR_PREFIX = '_spaces_importer_prior_';

	/**
	 * An attachment's SHA-256: its identity.
	 */
	const SHA256 = '_spaces_importer_sha256';

	/**
	 * An attachment's path inside the archive.
	 */
	const ARCHIVE_PATH = '_spaces_importer_path';

	/**
	 * An attachment whose sizes and metadata finalize makes.
	 */
	const NEEDS_METADATA = '_spaces_importer_needs_metadata';

	/**
	 * A run that uses an attachment another run uploaded (one row per run).
	 */
	const USED_BY = '_spaces_importer_used_by';

	/**
	 * A comment's identity within its post (comment meta).
	 */
	const COMMENT_KEY = '_spaces_importer_key';

	/**
	 * Adds a new post's or attachment's meta in one multi-row INSERT: the
	 * values stored as `add_post_meta()` stores them (serialized when not
	 * scalar), without its two or three queries per key. The item is new, so
	 * it has no meta to replace; the `add_post_metadata` filter and
	 * `add_post_meta`/`added_post_meta` actions do not fire for these keys,
	 * which are the plugin's own (and, for an attachment, its metadata, whose
	 * own filters the caller applies).
	 *
	 * @param int   $post_id The new post or attachment.
	 * @param array $meta    Values by key, unslashed.
	 */
	public static function add_new( $post_id, array $meta ) {
		global $wpdb;
		$rows = array();
		foreach ( $meta as $key => $value ) {
			$rows[] = $wpdb->prepare( '( %d, %s, %s )', $post_id, $key, maybe_serialize( $value ) );
		}
		if ( ! $rows ) {
			return;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- each row prepared above.
		$wpdb->query( "INSERT INTO {$wpdb->postmeta} ( post_id, meta_key, meta_value ) VALUES " . implode( ', ', $rows ) );
		wp_cache_delete( $post_id, 'post_meta' );
	}

	/**
	 * Finds posts already imported from these Spaces ids.
	 *
	 * @param string[] $source_ids Spaces item ids.
	 * @return array<string,int> Post id by Spaces id.
	 */
	public static function posts_by_source_ids( array $source_ids ) {
		$source_ids = array_values( array_unique( array_map( 'strval', $source_ids ) ) );
		if ( ! $source_ids ) {
			return array();
		}
		global $wpdb;
		$placeholders = implode( ',', array_fill( 0, count( $source_ids ), '%s' ) );
		// One query for the whole batch; meta_query would join once per id.
		$rows = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT m.meta_value AS source_id, MIN( m.post_id ) AS post_id FROM {$wpdb->postmeta} m
				INNER JOIN {$wpdb->posts} p ON p.ID = m.post_id
				WHERE m.meta_key = %s AND p.post_type = 'post' AND p.post_status <> 'trash'
				AND m.meta_value IN ( $placeholders )
				GROUP BY m.meta_value", // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
				array_merge( array( self::SOURCE_ID ), $source_ids )
			)
		);
		$found = array();
		foreach ( $rows as $row ) {
			$found[ $row->source_id ] = (int) $row->post_id;
		}
		return $found;
	}

	/**
	 * Finds the attachments holding these contents.
	 *
	 * @param string[] $hashes SHA-256 hex digests, lower case.
	 * @return array<string,int[]> Attachment ids by hash, oldest first.
	 */
	public static function attachments_by_hashes( array $hashes ) {
		$hashes = array_values( array_unique( array_map( 'strval', $hashes ) ) );
		if ( ! $hashes ) {
			return array();
		}
		global $wpdb;
		$placeholders = implode( ',', array_fill( 0, count( $hashes ), '%s' ) );
		// One query for the whole list; meta_query would join once per hash.
		$rows  = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT m.meta_value AS hash, m.post_id AS id FROM {$wpdb->postmeta} m
				INNER JOIN {$wpdb->posts} p ON p.ID = m.post_id
				WHERE m.meta_key = %s AND p.post_type = 'attachment' AND m.meta_value IN ( $placeholders )
				ORDER BY m.post_id", // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
				array_merge( array( self::SHA256 ), $hashes )
			)
		);
		$found = array();
		foreach ( $rows as $row ) {
			$found[ $row->hash ][] = (int) $row->id;
		}
		return $found;
	}
}
