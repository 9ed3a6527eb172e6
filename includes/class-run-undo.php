<?php
/**
 * Undoing a run, in steps short enough for one request each.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Removes exactly what a run created, found by the run id it carries in meta:
 * its posts (with their comments and revisions), the comments it added to posts
 * that were there before, the attachments it uploaded (with their files) and
 * the terms it created that are empty afterwards. Posts that existed before and
 * were only updated stay.
 */
class Run_Undo {

	const ITEMS_PER_PASS   = 20;
	const SECONDS_PER_STEP = 5;

	/**
	 * Where runs are kept.
	 *
	 * @var Run_Store
	 */
	private $store;

	/**
	 * Constructor.
	 *
	 * @param Run_Store $store Where runs are kept.
	 */
	public function __construct( Run_Store $store ) {
		$this->store = $store;
	}

	/**
	 * Does one step of undoing.
	 *
	 * @param \WP_Post $run The run.
	 * @return int How many items are left; 0 when the run is undone.
	 */
	public function step( \WP_Post $run ) {
		$started = microtime( true );
		while ( microtime( true ) - $started < self::SECONDS_PER_STEP ) {
			if ( $this->delete_posts( $run->ID ) || $this->delete_comments( $run->ID ) || $this->delete_attachments( $run->ID ) ) {
				continue;
			}
			$this->delete_empty_terms( $run->ID );
			$this->store->set_state( $run, Run_Store::STATE_UNDONE );
			return 0;
		}
		return $this->remaining( $run->ID );
	}

	/**
	 * How much is left to remove.
	 *
	 * @param int $run_id The run.
	 * @return int
	 */
	public function remaining( $run_id ) {
		return count( $this->created_posts( $run_id, 'post', 0 ) )
			+ count( $this->created_posts( $run_id, 'attachment', 0 ) )
			+ count( $this->created_comments( $run_id, 0 ) )
			+ count( $this->created_terms( $run_id ) );
	}

	/**
	 * Deletes some of the run's posts, with their comments.
	 *
	 * @param int $run_id The run.
	 * @return bool Whether there was anything to do.
	 */
	private function delete_posts( $run_id ) {
		$ids = $this->created_posts( $run_id, 'post', self::ITEMS_PER_PASS );
		foreach ( $ids as $id ) {
			wp_delete_post( $id, true );
		}
		return (bool) $ids;
	}

	/**
	 * Deletes some of the comments the run added to posts that stay.
	 *
	 * @param int $run_id The run.
	 * @return bool Whether there was anything to do.
	 */
	private function delete_comments( $run_id ) {
		$ids = $this->created_comments( $run_id, self::ITEMS_PER_PASS * 5 );
		foreach ( $ids as $id ) {
			wp_delete_comment( $id, true );
		}
		return (bool) $ids;
	}

	/**
	 * Deletes some of the run's attachments, with their files and sizes.
	 *
	 * @param int $run_id The run.
	 * @return bool Whether there was anything to do.
	 */
	private function delete_attachments( $run_id ) {
		$ids = $this->created_posts( $run_id, 'attachment', self::ITEMS_PER_PASS );
		foreach ( $ids as $id ) {
			wp_delete_attachment( $id, true );
		}
		return (bool) $ids;
	}

	/**
	 * Deletes the terms the run created that no post uses any more.
	 *
	 * @param int $run_id The run.
	 */
	private function delete_empty_terms( $run_id ) {
		global $wpdb;
		foreach ( $this->created_terms( $run_id ) as $term ) {
			$used = (int) $wpdb->get_var( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the stored count may be deferred.
				$wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->term_relationships} WHERE term_taxonomy_id = %d", $term->term_taxonomy_id )
			);
			if ( $used ) {
				// Someone uses it now: it is theirs.
				delete_term_meta( $term->term_id, Run_Store::META_RUN );
				continue;
			}
			wp_delete_term( $term->term_id, $term->taxonomy );
		}
	}

	/**
	 * Ids of objects the run created, of one post type family.
	 *
	 * @param int    $run_id The run.
	 * @param string $kind   `attachment`, or `post` for every other type.
	 * @param int    $limit  How many at most; 0 for all.
	 * @return int[]
	 */
	private function created_posts( $run_id, $kind, $limit ) {
		global $wpdb;
		$type_clause = 'attachment' === $kind ? "p.post_type = 'attachment'" : "p.post_type <> 'attachment'";
		$sql         = $wpdb->prepare(
			"SELECT p.ID FROM {$wpdb->posts} p
			INNER JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = %s AND m.meta_value = %s
			WHERE p.post_type <> %s AND {$type_clause} ORDER BY p.ID", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a fixed clause.
			Run_Store::META_RUN,
			(string) $run_id,
			Run_Store::POST_TYPE
		);
		if ( $limit ) {
			$sql .= $wpdb->prepare( ' LIMIT %d', $limit );
		}
		return array_map( 'intval', $wpdb->get_col( $sql ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
	}

	/**
	 * Ids of comments the run created.
	 *
	 * @param int $run_id The run.
	 * @param int $limit  How many at most; 0 for all.
	 * @return int[]
	 */
	private function created_comments( $run_id, $limit ) {
		global $wpdb;
		$sql = $wpdb->prepare( "SELECT comment_id FROM {$wpdb->commentmeta} WHERE meta_key = %s AND meta_value = %s ORDER BY comment_id", Run_Store::META_RUN, (string) $run_id );
		if ( $limit ) {
			$sql .= $wpdb->prepare( ' LIMIT %d', $limit );
		}
		return array_map( 'intval', $wpdb->get_col( $sql ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
	}

	/**
	 * The terms the run created and still owns.
	 *
	 * @param int $run_id The run.
	 * @return object[] `term_id`, `term_taxonomy_id`, `taxonomy`.
	 */
	private function created_terms( $run_id ) {
		global $wpdb;
		return $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT tt.term_id, tt.term_taxonomy_id, tt.taxonomy FROM {$wpdb->term_taxonomy} tt
				INNER JOIN {$wpdb->termmeta} tm ON tm.term_id = tt.term_id AND tm.meta_key = %s AND tm.meta_value = %s",
				Run_Store::META_RUN,
				(string) $run_id
			)
		);
	}
}
