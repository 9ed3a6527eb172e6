<?php
/**
 * The last work of a run, in steps short enough for one request each.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Finalize points links between posts at their new addresses (only now is every
 * post of the archive on the site), makes the thumbnails the uploads skipped,
 * recounts terms and comments, and clears caches. Each call does a bounded
 * amount and says how much is left; what is done is marked done in the
 * database, so an interrupted finalize simply continues.
 */
class Run_Finalizer {

	const LINKS_PER_STEP      = 50;

	/**
	 * Marks a run that has taken over the unresolved links of earlier runs.
	 */
	const META_ADOPTED = '_spaces_importer_links_adopted';
	const THUMBNAILS_PER_STEP = 5;
	const SECONDS_PER_STEP    = 5;

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
	 * Does one step of finalizing.
	 *
	 * @param \WP_Post $run The run.
	 * @return int How many items are left; 0 when the run is complete.
	 */
	public function step( \WP_Post $run ) {
		$started = microtime( true );
		$this->adopt_unresolved_links( $run->ID );
		while ( microtime( true ) - $started < self::SECONDS_PER_STEP ) {
			// Each part of the links pass is one transaction: one commit for
			// its posts' rows instead of one per row.
			Post_Writer::begin_transaction();
			$rewritten = $this->rewrite_links( $run->ID );
			Post_Writer::commit();
			if ( $rewritten ) {
				continue;
			}
			if ( $this->make_thumbnails() ) {
				continue;
			}
			$this->recount( $run->ID );
			$this->clean_caches();
			$this->store->set_state( $run, Run_Store::STATE_COMPLETE );
			return 0;
		}
		return $this->remaining( $run->ID );
	}

	/**
	 * How much finalize has left for a run (the recount counts as one).
	 *
	 * @param int $run_id The run.
	 * @return int
	 */
	public function remaining( $run_id ) {
		return count( $this->posts_with_links( $run_id, 0 ) ) + count( $this->attachments_without_metadata( 0 ) ) + 1;
	}

	/**
	 * Once per run: earlier posts whose links found no target are rewritten
	 * again with this run's posts, which may be the ones they name. Only posts
	 * of the same archive, or of the same owner, that the current user may
	 * edit are taken over: a run never rewrites another user's posts.
	 *
	 * @param int $run_id The run.
	 */
	private function adopt_unresolved_links( $run_id ) {
		if ( get_post_meta( $run_id, self::META_ADOPTED, true ) ) {
			return;
		}
		global $wpdb;
		$run     = get_post( $run_id );
		$options = $this->store->options( $run );
		$print   = (string) get_post_meta( $run_id, Run_Store::META_FINGERPRINT, true );
		$rows    = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT m.post_id, p.post_author, f.meta_value AS fingerprint FROM {$wpdb->postmeta} m
				INNER JOIN {$wpdb->posts} p ON p.ID = m.post_id
				LEFT JOIN {$wpdb->postmeta} r ON r.post_id = m.post_id AND r.meta_key = %s
				LEFT JOIN {$wpdb->postmeta} f ON f.post_id = r.meta_value AND f.meta_key = %s
				WHERE m.meta_key = %s",
				Item_Meta::RUN,
				Run_Store::META_FINGERPRINT,
				Item_Meta::LINKS_UNRESOLVED
			)
		);
		foreach ( $rows as $row ) {
			$ours = ( '' !== $print && $print === (string) $row->fingerprint ) || (int) $row->post_author === (int) $options['author'];
			if ( ! $ours || ! current_user_can( 'edit_post', (int) $row->post_id ) ) {
				continue;
			}
			delete_post_meta( (int) $row->post_id, Item_Meta::LINKS_UNRESOLVED );
			update_post_meta( (int) $row->post_id, Item_Meta::LINKS_PENDING, (int) $run_id );
		}
		update_post_meta( $run_id, self::META_ADOPTED, 1 );
	}

	/**
	 * Points the links of some of the run's posts at the posts they name.
	 *
	 * @param int $run_id The run.
	 * @return bool Whether there was anything to do.
	 */
	private function rewrite_links( $run_id ) {
		$post_ids = $this->posts_with_links( $run_id, self::LINKS_PER_STEP );
		if ( ! $post_ids ) {
			return false;
		}
		global $wpdb;
		$links = array();
		foreach ( $post_ids as $post_id ) {
			$links[ $post_id ] = (array) get_post_meta( $post_id, Item_Meta::LINKS, true );
		}
		$targets = Item_Meta::posts_by_source_ids( wp_list_pluck( array_merge( array(), ...array_values( $links ) ), 'sourceId' ) );
		foreach ( $post_ids as $post_id ) {
			$map        = array();
			$unresolved = false;
			foreach ( $links[ $post_id ] as $link ) {
				if ( isset( $link['href'], $link['sourceId'], $targets[ $link['sourceId'] ] ) ) {
					$map[ $link['href'] ] = get_permalink( $targets[ $link['sourceId'] ] );
				} elseif ( isset( $link['href'] ) ) {
					$unresolved = true;
				}
			}
			$post    = get_post( $post_id );
			$content = Body_Rewriter::replace( $post->post_content, array_filter( $map ), array( 'href' ) );
			if ( $content !== $post->post_content ) {
				// Straight to the row: this is our own fix-up of our own import, not
				// an edit; it should make no revision and not change the modified date.
				$wpdb->update( $wpdb->posts, array( 'post_content' => $content ), array( 'ID' => $post_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
				clean_post_cache( $post_id );
			}
			delete_post_meta( $post_id, Item_Meta::LINKS_PENDING );
			if ( $unresolved ) {
				update_post_meta( $post_id, Item_Meta::LINKS_UNRESOLVED, 1 );
			}
		}
		return true;
	}

	/**
	 * Posts of the run whose links are not rewritten yet.
	 *
	 * @param int $run_id The run.
	 * @param int $limit  How many at most; 0 for all.
	 * @return int[]
	 */
	private function posts_with_links( $run_id, $limit ) {
		global $wpdb;
		$sql = $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = %s AND meta_value = %s ORDER BY post_id", Item_Meta::LINKS_PENDING, (string) $run_id );
		if ( $limit ) {
			$sql .= $wpdb->prepare( ' LIMIT %d', $limit );
		}
		return array_map( 'intval', $wpdb->get_col( $sql ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
	}

	/**
	 * Makes the sizes and metadata of some uploaded images.
	 *
	 * Any run's pending images are made, not only this run's: a run that found
	 * its images already uploaded by an unfinished run still wants thumbnails.
	 *
	 * @return bool Whether there was anything to do.
	 */
	private function make_thumbnails() {
		$ids = $this->attachments_without_metadata( self::THUMBNAILS_PER_STEP );
		if ( ! $ids ) {
			return false;
		}
		require_once ABSPATH . 'wp-admin/includes/image.php';
		// Video files: their metadata is read by wp_read_video_metadata().
		require_once ABSPATH . 'wp-admin/includes/media.php';
		foreach ( $ids as $id ) {
			// Marked done first: an image that crashes the image library must not stop every later finalize.
			delete_post_meta( $id, Item_Meta::NEEDS_METADATA );
			$file = get_attached_file( $id );
			if ( $file && file_exists( $file ) ) {
				wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $file ) );
			}
		}
		return true;
	}

	/**
	 * Attachments whose metadata was deferred.
	 *
	 * @param int $limit How many at most; 0 for all.
	 * @return int[]
	 */
	private function attachments_without_metadata( $limit ) {
		global $wpdb;
		$sql = $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = %s ORDER BY post_id", Item_Meta::NEEDS_METADATA );
		if ( $limit ) {
			$sql .= $wpdb->prepare( ' LIMIT %d', $limit );
		}
		return array_map( 'intval', $wpdb->get_col( $sql ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
	}

	/**
	 * Recounts the terms and comments of the run's posts.
	 *
	 * @param int $run_id The run.
	 */
	private function recount( $run_id ) {
		global $wpdb;
		$post_ids = array_map(
			'intval',
			$wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
				$wpdb->prepare(
					"SELECT DISTINCT c.comment_post_ID FROM {$wpdb->comments} c
					INNER JOIN {$wpdb->commentmeta} cm ON cm.comment_id = c.comment_ID AND cm.meta_key = %s AND cm.meta_value = %s",
					Item_Meta::RUN,
					(string) $run_id
				)
			)
		);
		// One statement for all, as the posts route does.
		Comment_Writer::count_comments( $post_ids );
		foreach ( $post_ids as $post_id ) {
			clean_post_cache( $post_id );
		}
		$terms = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT DISTINCT tt.term_taxonomy_id, tt.taxonomy FROM {$wpdb->term_taxonomy} tt
				INNER JOIN {$wpdb->term_relationships} tr ON tr.term_taxonomy_id = tt.term_taxonomy_id
				INNER JOIN {$wpdb->postmeta} pm ON pm.post_id = tr.object_id AND pm.meta_key = %s AND pm.meta_value = %s",
				Item_Meta::RUN,
				(string) $run_id
			)
		);
		$by_taxonomy = array();
		foreach ( $terms as $term ) {
			$by_taxonomy[ $term->taxonomy ][] = (int) $term->term_taxonomy_id;
		}
		foreach ( $by_taxonomy as $taxonomy => $ids ) {
			wp_update_term_count_now( $ids, $taxonomy );
		}
	}

	/**
	 * Clears what the writes left stale while cache invalidation was suspended.
	 */
	private function clean_caches() {
		delete_option( 'category_children' );
		wp_cache_set_posts_last_changed();
		wp_cache_set_terms_last_changed();
		wp_cache_set_comments_last_changed();
	}
}
