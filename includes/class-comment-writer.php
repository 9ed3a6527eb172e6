<?php
/**
 * Writes a post's comments from the archive.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the comments of one post that it does not hold yet.
 *
 * A post's comments are written under the post's item lock, so no two
 * requests insert comments on the same post at once; a post with many comments
 * comes in several requests, one part each. Old comments must pass no flood or
 * duplicate checks and notify no one, so they are not `wp_new_comment`'s; and
 * thousands must fit in one request, so they are written in bulk: one
 * multi-row INSERT for a few hundred comments, one for their meta, and one
 * comment-count update for the post, with the fields filtered exactly as
 * before (see {@see self::content()} and {@see self::author_text()}).
 */
class Comment_Writer {

	/**
	 * Rows per INSERT statement; statements also stay under about 1 MB.
	 */
	const ROWS_PER_INSERT = 500;
	const BYTES_PER_INSERT = 1048576;

	/**
	 * What the comment_content column holds.
	 */
	const MAX_CONTENT_BYTES = 65535;

	/**
	 * Posts whose comment count is to be made again.
	 *
	 * @var array<int,bool>
	 */
	private $to_count = array();

	/**
	 * Adds the comments a post does not hold yet.
	 *
	 * @param int    $post_id  The post.
	 * @param array  $comments Normalized comments: author, authorUrl, published, html.
	 * @param int    $run_id   The run.
	 * @param string $mode     `approved` or `pending`.
	 * @param bool   $new_post Whether the post was created just now (it holds no comments).
	 * @return int How many were created.
	 */
	public function write( $post_id, array $comments, $run_id, $mode, $new_post = false ) {
		if ( ! $comments ) {
			return 0;
		}
		$known = $new_post ? array() : $this->existing_keys( $post_id );
		$rows  = array();
		foreach ( $comments as $comment ) {
			$key = self::key( $comment );
			if ( isset( $known[ $key ] ) ) {
				continue;
			}
			$known[ $key ] = true;
			$row           = $this->comment_data( $post_id, $comment, $mode );
			/**
			 * Filters a comment before it is written (the WordPress Importer
			 * offers `wp_import_post_comments` for the same). The row's fields
			 * are the `wp_comments` columns this importer writes, already
			 * filtered as an untrusted commenter's are; they are stored as
			 * returned. Return false to leave the comment out.
			 *
			 * @param array|false $row     The comment's row, unslashed.
			 * @param array       $comment The comment as the client sent it.
			 * @param int         $post_id The post it belongs to.
			 * @param int         $run_id  The import run.
			 */
			$filtered = apply_filters( 'spaces_importer_comment_data', $row, $comment, (int) $post_id, (int) $run_id );
			if ( ! is_array( $filtered ) ) {
				continue;
			}
			$row = array_merge( $row, $filtered, array( 'comment_post_ID' => (int) $post_id ) );
			// The column holds 64 KB; the row would make its whole statement fail.
			if ( strlen( $row['comment_content'] ) <= self::MAX_CONTENT_BYTES ) {
				$rows[ $key ] = $row;
			}
		}
		$created = 0;
		$chunk   = array();
		$bytes   = 0;
		foreach ( $rows as $key => $row ) {
			$chunk[ $key ] = $row;
			$bytes        += strlen( $row['comment_content'] ) + strlen( $row['comment_author'] ) + strlen( $row['comment_author_url'] ) + 200;
			if ( count( $chunk ) >= self::ROWS_PER_INSERT || $bytes >= self::BYTES_PER_INSERT ) {
				$created += $this->insert_rows( $post_id, $chunk, $run_id );
				$chunk    = array();
				$bytes    = 0;
			}
		}
		if ( $chunk ) {
			$created += $this->insert_rows( $post_id, $chunk, $run_id );
		}
		if ( $created ) {
			$this->to_count[ (int) $post_id ] = true;
		}
		return $created;
	}

	/**
	 * Makes the comment counts of the posts that got comments, in one
	 * statement: what `wp_update_comment_count_now()` stores (the approved
	 * comments), without its three queries per post. Its
	 * `pre_wp_update_comment_count_now` filter and `wp_update_comment_count`
	 * action do not fire.
	 */
	public function update_counts() {
		if ( ! $this->to_count ) {
			return;
		}
		$post_ids       = array_keys( $this->to_count );
		$this->to_count = array();
		self::count_comments( $post_ids );
		foreach ( $post_ids as $post_id ) {
			clean_post_cache( $post_id );
		}
		wp_cache_set_comments_last_changed();
	}

	/**
	 * Sets posts' `comment_count` to their approved comments, in one statement.
	 *
	 * @param int[] $post_ids The posts.
	 */
	public static function count_comments( array $post_ids ) {
		global $wpdb;
		foreach ( array_chunk( array_map( 'intval', $post_ids ), 1000 ) as $chunk ) {
			$ids = implode( ',', $chunk );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- integers only.
			$wpdb->query( "UPDATE {$wpdb->posts} p LEFT JOIN ( SELECT comment_post_ID, COUNT(*) AS approved FROM {$wpdb->comments} WHERE comment_post_ID IN ( $ids ) AND comment_approved = '1' GROUP BY comment_post_ID ) c ON c.comment_post_ID = p.ID SET p.comment_count = COALESCE( c.approved, 0 ) WHERE p.ID IN ( $ids )" );
		}
	}

	/**
	 * Inserts some comments of one post and their meta, two statements in all.
	 *
	 * @param int                 $post_id The post.
	 * @param array<string,array> $rows    Comment data by identity key.
	 * @param int                 $run_id  The run.
	 * @return int How many were inserted.
	 */
	private function insert_rows( $post_id, array $rows, $run_id ) {
		global $wpdb;
		$columns = array( 'comment_post_ID', 'comment_author', 'comment_author_email', 'comment_author_url', 'comment_author_IP', 'comment_date', 'comment_date_gmt', 'comment_content', 'comment_karma', 'comment_approved', 'comment_agent', 'comment_type', 'comment_parent', 'user_id' );
		$values  = array();
		foreach ( $rows as $row ) {
			$values[] = $wpdb->prepare(
				'( %d, %s, %s, %s, %s, %s, %s, %s, %d, %s, %s, %s, %d, %d )',
				$row['comment_post_ID'],
				$row['comment_author'],
				$row['comment_author_email'],
				$row['comment_author_url'],
				'',
				$row['comment_date'],
				$row['comment_date_gmt'],
				$row['comment_content'],
				0,
				(string) $row['comment_approved'],
				'',
				$row['comment_type'],
				$row['comment_parent'],
				$row['user_id']
			);
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- each row prepared above.
		$inserted = $wpdb->query( "INSERT INTO {$wpdb->comments} ( " . implode( ', ', $columns ) . ' ) VALUES ' . implode( ', ', $values ) );
		if ( ! $inserted ) {
			return 0;
		}
		$first = (int) $wpdb->insert_id;
		// The new rows are found again by their fields, not by assuming consecutive ids.
		$found = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT c.comment_ID, c.comment_author, c.comment_date_gmt, c.comment_content FROM {$wpdb->comments} c
				LEFT JOIN {$wpdb->commentmeta} cm ON cm.comment_id = c.comment_ID AND cm.meta_key = %s
				WHERE c.comment_post_ID = %d AND c.comment_ID >= %d AND cm.meta_id IS NULL ORDER BY c.comment_ID",
				Item_Meta::COMMENT_KEY,
				$post_id,
				$first
			)
		);
		$by_fields = array();
		foreach ( $rows as $key => $row ) {
			$by_fields[ md5( $row['comment_author'] . "\n" . $row['comment_date_gmt'] . "\n" . $row['comment_content'] ) ][] = $key;
		}
		$meta = array();
		foreach ( $found as $comment ) {
			$fields = md5( $comment->comment_author . "\n" . $comment->comment_date_gmt . "\n" . $comment->comment_content );
			if ( empty( $by_fields[ $fields ] ) ) {
				continue;
			}
			$key    = array_shift( $by_fields[ $fields ] );
			$meta[] = $wpdb->prepare( '( %d, %s, %s )', $comment->comment_ID, Item_Meta::COMMENT_KEY, $key );
			$meta[] = $wpdb->prepare( '( %d, %s, %s )', $comment->comment_ID, Item_Meta::RUN, (string) (int) $run_id );
		}
		if ( $meta ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- each row prepared above.
			$wpdb->query( "INSERT INTO {$wpdb->commentmeta} ( comment_id, meta_key, meta_value ) VALUES " . implode( ', ', $meta ) );
		}
		return (int) $inserted;
	}

	/**
	 * A comment's identity within its post: who wrote what, when.
	 *
	 * @param array $comment Normalized comment.
	 * @return string
	 */
	public static function key( array $comment ) {
		return md5(
			implode(
				"\n",
				array(
					(string) $comment['author'],
					(string) $comment['published'],
					(string) $comment['html'],
				)
			)
		);
	}

	/**
	 * The keys of the comments the post already holds.
	 *
	 * @param int $post_id The post.
	 * @return array<string,bool>
	 */
	private function existing_keys( $post_id ) {
		global $wpdb;
		$keys = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- one query instead of one per comment.
			$wpdb->prepare(
				"SELECT cm.meta_value FROM {$wpdb->commentmeta} cm
				INNER JOIN {$wpdb->comments} c ON c.comment_ID = cm.comment_id
				WHERE c.comment_post_ID = %d AND cm.meta_key = %s",
				$post_id,
				Item_Meta::COMMENT_KEY
			)
		);
		return array_fill_keys( $keys, true );
	}

	/**
	 * The comment's row (unslashed), its fields filtered.
	 *
	 * @param int    $post_id The post.
	 * @param array  $comment Normalized comment.
	 * @param string $mode    `approved` or `pending`.
	 * @return array
	 */
	private function comment_data( $post_id, array $comment, $mode ) {
		$data  = array(
			'comment_post_ID'      => (int) $post_id,
			'comment_author'       => self::author_text( (string) $comment['author'] ),
			'comment_author_email' => '',
			'comment_author_url'   => $comment['authorUrl'] ? esc_url_raw( $comment['authorUrl'] ) : '',
			'comment_content'      => self::content( (string) $comment['html'] ),
			'comment_approved'     => 'approved' === $mode ? 1 : 0,
			'comment_type'         => 'comment',
			'comment_parent'       => 0,
			'user_id'              => 0,
		);
		$dates = Dates::local_and_gmt( $comment['published'] );
		if ( $dates ) {
			$data['comment_date']     = $dates[0];
			$data['comment_date_gmt'] = $dates[1];
		} else {
			// What wp_insert_comment would have set: now.
			$data['comment_date']     = current_time( 'mysql' );
			$data['comment_date_gmt'] = current_time( 'mysql', true );
		}
		return $data;
	}

	/**
	 * A commenter's name, kept as the text it was.
	 *
	 * WordPress's comment filters strip what looks like markup (`Lisa <3` would
	 * become `Lisa`). Escaping the markup characters instead stores a name that
	 * every escaping output shows exactly as written.
	 *
	 * @param string $name The name as the archive has it.
	 * @return string
	 */
	public static function author_text( $name ) {
		$name = trim( preg_replace( '/[\x00-\x1F\x7F]+/', ' ', wp_check_invalid_utf8( $name, true ) ) );
		// The column holds 255 bytes; escaping must not cut an entity in half.
		$name = mb_substr( $name, 0, 100 );
		return htmlspecialchars( $name, ENT_NOQUOTES, 'UTF-8' );
	}

	/**
	 * A comment's text, filtered as WordPress filters an untrusted commenter's,
	 * whoever imports: archives are written by strangers.
	 *
	 * @param string $html The text as the archive has it.
	 * @return string
	 */
	public static function content( $html ) {
		$html = wp_kses( $html, 'data' );
		// wp_rel_ugc works on slashed data, as the pre_comment_content filter passes it.
		return wp_unslash( wp_rel_ugc( wp_slash( $html ) ) );
	}
}
