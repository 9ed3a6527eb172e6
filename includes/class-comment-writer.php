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
 * A post's comments always arrive in one request, so no two requests insert
 * comments on the same post at once (which would lose `comment_count` updates).
 * Comments go through `wp_insert_comment`, not `wp_new_comment`: old comments
 * must pass no flood or duplicate checks and notify no one.
 */
class Comment_Writer {

	const META_KEY = '_spaces_importer_key';

	/**
	 * Adds the comments a post does not hold yet.
	 *
	 * @param int    $post_id  The post.
	 * @param array  $comments Normalized comments: author, authorUrl, published, html.
	 * @param int    $run_id   The run.
	 * @param string $mode     `approved` or `pending`.
	 * @return int How many were created.
	 */
	public function write( $post_id, array $comments, $run_id, $mode ) {
		if ( ! $comments ) {
			return 0;
		}
		$known   = $this->existing_keys( $post_id );
		$created = 0;
		foreach ( $comments as $comment ) {
			$key = self::key( $comment );
			if ( isset( $known[ $key ] ) ) {
				continue;
			}
			$id = wp_insert_comment( wp_slash( $this->comment_data( $post_id, $comment, $key, $run_id, $mode ) ) );
			if ( $id ) {
				$known[ $key ] = true;
				++$created;
			}
		}
		return $created;
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
				self::META_KEY
			)
		);
		return array_fill_keys( $keys, true );
	}

	/**
	 * The comment as `wp_insert_comment` takes it (unslashed).
	 *
	 * @param int    $post_id The post.
	 * @param array  $comment Normalized comment.
	 * @param string $key     Its identity.
	 * @param int    $run_id  The run.
	 * @param string $mode    `approved` or `pending`.
	 * @return array
	 */
	private function comment_data( $post_id, array $comment, $key, $run_id, $mode ) {
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
			'comment_meta'         => array(
				self::META_KEY      => $key,
				Run_Store::META_RUN => (int) $run_id,
			),
		);
		$dates = Dates::local_and_gmt( $comment['published'] );
		if ( $dates ) {
			$data['comment_date']     = $dates[0];
			$data['comment_date_gmt'] = $dates[1];
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
