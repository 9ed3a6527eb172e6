<?php
/**
 * Undoing a run, in steps short enough for one request each.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Puts the site back as it was before a run, found by the run id it carries in
 * meta: its posts go to the trash (or, forced, are deleted with their comments
 * and revisions), the comments it added to posts that were there before go too,
 * the posts it updated get their earlier fields back, the attachments it
 * uploaded that nothing else uses are deleted with their files, and the terms
 * it created that are empty afterwards are deleted. An attachment another post
 * or run uses stays: media is shared by content across runs and users.
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
	 * The last attachment looked at in this step: those kept for trashed posts are passed over.
	 *
	 * @var int
	 */
	private $attachment_cursor = 0;

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
	 * @param \WP_Post $run   The run.
	 * @param bool     $force Delete the run's posts rather than move them to the trash.
	 * @return int How many items are left; 0 when the run is undone.
	 */
	public function step( \WP_Post $run, $force = false ) {
		$started                 = microtime( true );
		$this->attachment_cursor = 0;
		while ( microtime( true ) - $started < self::SECONDS_PER_STEP ) {
			if ( $this->restore_updated( $run->ID ) || $this->delete_posts( $run->ID, $force ) || $this->delete_comments( $run->ID, $force ) || $this->delete_attachments( $run->ID, $force ) ) {
				continue;
			}
			$this->delete_empty_terms( $run->ID );
			$this->forget_uses( $run->ID );
			$this->store->set_state( $run, Run_Store::STATE_UNDONE );
			return 0;
		}
		return $this->remaining( $run->ID, $force );
	}

	/**
	 * The capability undoing a run needs: deleting unpublished posts of one's
	 * own needs `delete_posts`; published ones `delete_published_posts`,
	 * private ones `delete_private_posts`.
	 *
	 * @param int $run_id The run.
	 * @return string[] Capabilities, all needed.
	 */
	public function needed_capabilities( $run_id ) {
		global $wpdb;
		$statuses = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT DISTINCT p.post_status FROM {$wpdb->posts} p
				INNER JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = %s AND m.meta_value = %s
				WHERE p.post_type = 'post'",
				Item_Meta::RUN,
				(string) $run_id
			)
		);
		$caps = array( 'delete_posts' );
		if ( array_intersect( $statuses, array( 'publish', 'future' ) ) ) {
			$caps[] = 'delete_published_posts';
		}
		if ( in_array( 'private', $statuses, true ) ) {
			$caps[] = 'delete_private_posts';
		}
		return $caps;
	}

	/**
	 * Keeps a post's fields before the run updates it, once per run, so that
	 * undoing the run puts them back.
	 *
	 * @param int $post_id The post about to be updated.
	 * @param int $run_id  The run updating it.
	 */
	public static function keep_prior( $post_id, $run_id ) {
		$key = Item_Meta::PRIOR_PREFIX . (int) $run_id;
		if ( metadata_exists( 'post', $post_id, $key ) ) {
			return;
		}
		$post = get_post( $post_id );
		if ( ! $post ) {
			return;
		}
		$prior = array(
			'post_title'    => $post->post_title,
			'post_content'  => $post->post_content,
			'post_excerpt'  => $post->post_excerpt,
			'post_date'     => $post->post_date,
			'post_date_gmt' => $post->post_date_gmt,
			'categories'    => wp_get_object_terms( $post_id, 'category', array( 'fields' => 'ids' ) ),
			'tags'          => wp_get_object_terms( $post_id, 'post_tag', array( 'fields' => 'ids' ) ),
			'thumbnail'     => (int) get_post_thumbnail_id( $post_id ),
			'meta'          => array(
				Item_Meta::HASH         => get_post_meta( $post_id, Item_Meta::HASH, true ),
				Item_Meta::ORIGINAL_URL => get_post_meta( $post_id, Item_Meta::ORIGINAL_URL, true ),
				Item_Meta::LINKS        => get_post_meta( $post_id, Item_Meta::LINKS, true ),
			),
		);
		// Slashed: update_post_meta unslashes what it stores.
		add_post_meta( $post_id, $key, wp_slash( $prior ), true );
	}

	/**
	 * Records that a run uses an attachment it did not upload, so undoing the
	 * run that uploaded it leaves it in place.
	 *
	 * @param int $attachment_id The attachment.
	 * @param int $run_id        The run using it.
	 */
	public static function record_use( $attachment_id, $run_id ) {
		$attachment_id = (int) $attachment_id;
		$run_id        = (int) $run_id;
		if ( (int) get_post_meta( $attachment_id, Item_Meta::RUN, true ) === $run_id ) {
			return;
		}
		if ( in_array( (string) $run_id, get_post_meta( $attachment_id, Item_Meta::USED_BY ), true ) ) {
			return;
		}
		add_post_meta( $attachment_id, Item_Meta::USED_BY, $run_id );
	}

	/**
	 * How much is left to remove.
	 *
	 * @param int  $run_id The run.
	 * @param bool $force  Whether trashed posts are deleted too.
	 * @return int
	 */
	public function remaining( $run_id, $force = false ) {
		return count( $this->updated_posts( $run_id, 0 ) )
			+ count( $this->created_posts( $run_id, 'post', 0, $force ) )
			+ ( $force ? count( $this->created_posts( $run_id, 'attachment', 0, true ) ) : 0 )
			+ count( $this->created_comments( $run_id, 0, $force ) )
			+ ( $force ? count( $this->created_terms( $run_id ) ) : 0 );
	}

	/**
	 * Puts back the fields some of the posts had before the run updated them.
	 *
	 * @param int $run_id The run.
	 * @return bool Whether there was anything to do.
	 */
	private function restore_updated( $run_id ) {
		$ids = $this->updated_posts( $run_id, self::ITEMS_PER_PASS );
		$key = Item_Meta::PRIOR_PREFIX . (int) $run_id;
		foreach ( $ids as $id ) {
			$prior = get_post_meta( $id, $key, true );
			if ( is_array( $prior ) && isset( $prior['post_content'] ) ) {
				$postarr = array( 'ID' => $id );
				foreach ( array( 'post_title', 'post_content', 'post_excerpt', 'post_date', 'post_date_gmt' ) as $field ) {
					$postarr[ $field ] = $prior[ $field ];
				}
				// The fields were stored as they were; filtering them again by the undoer's role would change them.
				kses_remove_filters();
				wp_update_post( wp_slash( $postarr ) );
				kses_init();
				wp_set_post_terms( $id, array_map( 'intval', (array) $prior['categories'] ), 'category' );
				wp_set_post_terms( $id, array_map( 'intval', (array) $prior['tags'] ), 'post_tag' );
				if ( $prior['thumbnail'] ) {
					set_post_thumbnail( $id, $prior['thumbnail'] );
				} else {
					delete_post_thumbnail( $id );
				}
				foreach ( (array) $prior['meta'] as $meta_key => $value ) {
					if ( '' === $value ) {
						delete_post_meta( $id, $meta_key );
					} else {
						update_post_meta( $id, $meta_key, wp_slash( $value ) );
					}
				}
			}
			delete_post_meta( $id, $key );
		}
		return (bool) $ids;
	}

	/**
	 * Posts the run updated whose earlier fields are not back yet.
	 *
	 * @param int $run_id The run.
	 * @param int $limit  How many at most; 0 for all.
	 * @return int[]
	 */
	private function updated_posts( $run_id, $limit ) {
		global $wpdb;
		$sql = $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = %s ORDER BY post_id", Item_Meta::PRIOR_PREFIX . (int) $run_id );
		if ( $limit ) {
			$sql .= $wpdb->prepare( ' LIMIT %d', $limit );
		}
		return array_map( 'intval', $wpdb->get_col( $sql ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
	}

	/**
	 * Moves some of the run's posts to the trash, or deletes them with their comments.
	 *
	 * @param int  $run_id The run.
	 * @param bool $force  Delete rather than trash.
	 * @return bool Whether there was anything to do.
	 */
	private function delete_posts( $run_id, $force ) {
		$ids = $this->created_posts( $run_id, 'post', self::ITEMS_PER_PASS, $force );
		foreach ( $ids as $id ) {
			if ( $force || ! EMPTY_TRASH_DAYS ) {
				wp_delete_post( $id, true );
			} elseif ( ! wp_trash_post( $id ) ) {
				// A plugin refused the trash: the post must still leave, or undo would never end.
				wp_delete_post( $id, true );
			}
		}
		return (bool) $ids;
	}

	/**
	 * Deletes some of the comments the run added to posts that stay (the
	 * comments of trashed posts stay with them, as WordPress keeps them).
	 *
	 * @param int  $run_id The run.
	 * @param bool $force  Whether trashed posts are being deleted too.
	 * @return bool Whether there was anything to do.
	 */
	private function delete_comments( $run_id, $force ) {
		$ids = $this->created_comments( $run_id, self::ITEMS_PER_PASS * 5, $force );
		foreach ( $ids as $id ) {
			wp_delete_comment( $id, true );
		}
		return (bool) $ids;
	}

	/**
	 * Deletes some of the run's attachments that nothing else uses, with their
	 * files and sizes. One used by another post or run stays and is no longer
	 * the run's; one only the run's trashed posts use stays the run's, for a
	 * forced undo to delete with them.
	 *
	 * @param int  $run_id The run.
	 * @param bool $force  Whether the run's posts are deleted rather than trashed.
	 * @return bool Whether there was anything to do.
	 */
	private function delete_attachments( $run_id, $force ) {
		$ids = $this->created_posts( $run_id, 'attachment', self::ITEMS_PER_PASS, true, $this->attachment_cursor );
		foreach ( $ids as $id ) {
			$this->attachment_cursor = $id;
			if ( $this->is_used( $id, $run_id ) ) {
				delete_post_meta( $id, Item_Meta::RUN );
			} elseif ( $force || ! $this->is_used( $id, 0 ) ) {
				wp_delete_attachment( $id, true );
			}
		}
		return (bool) $ids;
	}

	/**
	 * Whether an attachment is used: by a post (of any run, or none, in any
	 * status; not revisions) that has it as featured image, is its parent, or
	 * shows its file in the content; or by another run that found it already
	 * uploaded.
	 *
	 * @param int $attachment_id The attachment.
	 * @param int $run_id        The run being undone, whose own posts do not count; 0 to count every post.
	 * @return bool
	 */
	private function is_used( $attachment_id, $run_id ) {
		global $wpdb;
		foreach ( get_post_meta( $attachment_id, Item_Meta::USED_BY ) as $user_run ) {
			if ( (int) $user_run !== (int) $run_id ) {
				return true;
			}
		}
		$not_own = $wpdb->prepare(
			" AND NOT EXISTS ( SELECT 1 FROM {$wpdb->postmeta} r WHERE r.post_id = p.ID AND r.meta_key = %s AND r.meta_value = %s )",
			Item_Meta::RUN,
			(string) $run_id
		);
		$not_own = $run_id ? $not_own : '';
		$users   = array(
			$wpdb->prepare( "SELECT p.ID FROM {$wpdb->posts} p INNER JOIN {$wpdb->posts} a ON a.post_parent = p.ID WHERE a.ID = %d", $attachment_id ),
			$wpdb->prepare(
				"SELECT p.ID FROM {$wpdb->posts} p INNER JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = '_thumbnail_id' WHERE m.meta_value = %s",
				(string) $attachment_id
			),
		);
		$file    = (string) get_post_meta( $attachment_id, '_wp_attached_file', true );
		if ( '' !== $file ) {
			// The file's path without its extension also finds the sizes made of it (name-300x200.png).
			$stem    = preg_replace( '/\.[^.\/]+$/', '', $file );
			$users[] = $wpdb->prepare(
				"SELECT p.ID FROM {$wpdb->posts} p WHERE p.post_type NOT IN ( 'attachment', 'revision', %s ) AND p.post_content LIKE %s",
				Run_Store::POST_TYPE,
				'%' . $wpdb->esc_like( '/' . $stem ) . '%'
			);
		}
		foreach ( $users as $sql ) {
			if ( $wpdb->get_var( $sql . $not_own . ' LIMIT 1' ) ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
				return true;
			}
		}
		return false;
	}

	/**
	 * Forgets that the run used attachments of other runs: it no longer does.
	 *
	 * @param int $run_id The run.
	 */
	private function forget_uses( $run_id ) {
		delete_metadata( 'post', 0, Item_Meta::USED_BY, (string) $run_id, true );
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
			$own  = (int) $wpdb->get_var( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
				$wpdb->prepare(
					"SELECT COUNT(*) FROM {$wpdb->term_relationships} tr
					INNER JOIN {$wpdb->postmeta} m ON m.post_id = tr.object_id AND m.meta_key = %s AND m.meta_value = %s
					WHERE tr.term_taxonomy_id = %d",
					Item_Meta::RUN,
					(string) $run_id,
					$term->term_taxonomy_id
				)
			);
			if ( $used > $own ) {
				// Someone else uses it now: it is theirs.
				delete_term_meta( $term->term_id, Item_Meta::RUN );
				continue;
			}
			if ( $own ) {
				// Only the run's trashed posts use it: it goes when they are deleted.
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
	 * @param bool   $trashed Whether trashed posts count too.
	 * @param int    $after   Only ids above this.
	 * @return int[]
	 */
	private function created_posts( $run_id, $kind, $limit, $trashed, $after = 0 ) {
		global $wpdb;
		$type_clause = 'attachment' === $kind ? "p.post_type = 'attachment'" : "p.post_type <> 'attachment'";
		if ( ! $trashed ) {
			$type_clause .= " AND p.post_status <> 'trash'";
		}
		$type_clause .= $wpdb->prepare( ' AND p.ID > %d', $after );
		$sql         = $wpdb->prepare(
			"SELECT p.ID FROM {$wpdb->posts} p
			INNER JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = %s AND m.meta_value = %s
			WHERE p.post_type <> %s AND {$type_clause} ORDER BY p.ID", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a fixed clause.
			Item_Meta::RUN,
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
	 * @param int  $limit   How many at most; 0 for all.
	 * @param bool $trashed Whether the comments of trashed posts count too.
	 * @return int[]
	 */
	private function created_comments( $run_id, $limit, $trashed ) {
		global $wpdb;
		$sql = $wpdb->prepare(
			"SELECT cm.comment_id FROM {$wpdb->commentmeta} cm INNER JOIN {$wpdb->comments} c ON c.comment_ID = cm.comment_id
			WHERE cm.meta_key = %s AND cm.meta_value = %s" . ( $trashed ? '' : " AND c.comment_approved <> 'post-trashed'" ) . ' ORDER BY cm.comment_id', // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a fixed clause.
			Item_Meta::RUN,
			(string) $run_id
		);
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
				Item_Meta::RUN,
				(string) $run_id
			)
		);
	}
}
