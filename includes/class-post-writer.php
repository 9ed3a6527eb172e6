<?php
/**
 * Writes normalized Spaces posts into WordPress.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Creates or updates posts from clean, normalized items; knows nothing of Spaces markup.
 *
 * A post's identity is its Spaces item id (`cns!<CID>!<N>`) in post meta, never
 * its title or date, so an archive imported twice adds nothing the second time.
 */
class Post_Writer {

	const META_ORIGINAL_URL = '_spaces_importer_original_url';
	const META_HASH         = '_spaces_importer_hash';

	/**
	 * Category ids by name, for the length of a request.
	 *
	 * @var array<string,int>
	 */
	private $category_ids = array();

	/**
	 * Writes a batch of posts for a run.
	 *
	 * @param array $items  Normalized posts (see the REST schema of the run posts route).
	 * @param int   $run_id The run they belong to.
	 * @param array $options Owner's choices: `existing` ('skip' or 'update'), `status`.
	 * @return array One result per item, in order.
	 */
	public function write_batch( array $items, $run_id, array $options ) {
		$this->begin_import();
		$existing = $this->find_existing( wp_list_pluck( $items, 'sourceId' ) );
		$results  = array();
		foreach ( $items as $item ) {
			$post_id   = isset( $existing[ $item['sourceId'] ] ) ? $existing[ $item['sourceId'] ] : 0;
			$results[] = $this->write_one( $item, $post_id, (int) $run_id, $options );
		}
		$this->end_import();
		return $results;
	}

	/**
	 * Puts WordPress in importing mode: no pings, deferred counts.
	 */
	private function begin_import() {
		if ( ! defined( 'WP_IMPORTING' ) ) {
			define( 'WP_IMPORTING', true );
		}
		wp_defer_term_counting( true );
		wp_defer_comment_counting( true );
	}

	/**
	 * Leaves importing mode; deferred term counts are recounted here, once.
	 */
	private function end_import() {
		wp_defer_term_counting( false );
		wp_defer_comment_counting( false );
	}

	/**
	 * Finds posts already imported from these Spaces ids.
	 *
	 * @param string[] $source_ids Spaces item ids.
	 * @return array<string,int> Post id by Spaces id.
	 */
	private function find_existing( array $source_ids ) {
		if ( ! $source_ids ) {
			return array();
		}
		global $wpdb;
		$placeholders = implode( ',', array_fill( 0, count( $source_ids ), '%s' ) );
		// One query for the whole batch; meta_query would join once per id.
		$rows = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT m.meta_value AS source_id, m.post_id FROM {$wpdb->postmeta} m
				INNER JOIN {$wpdb->posts} p ON p.ID = m.post_id
				WHERE m.meta_key = %s AND p.post_type = 'post' AND p.post_status <> 'trash'
				AND m.meta_value IN ( $placeholders )", // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
				array_merge( array( Run_Store::META_SOURCE_ID ), $source_ids )
			)
		);
		$found = array();
		foreach ( $rows as $row ) {
			$found[ $row->source_id ] = (int) $row->post_id;
		}
		return $found;
	}

	/**
	 * Creates, updates or leaves one post.
	 *
	 * @param array $item    The normalized post.
	 * @param int   $post_id Existing post id, or 0.
	 * @param int   $run_id  The run.
	 * @param array $options Owner's choices.
	 * @return array The item's result.
	 */
	private function write_one( array $item, $post_id, $run_id, array $options ) {
		$hash   = md5( (string) wp_json_encode( $item ) );
		$result = array(
			'sourceId' => $item['sourceId'],
			'postId'   => $post_id,
		);

		if ( $post_id ) {
			$same = get_post_meta( $post_id, self::META_HASH, true ) === $hash;
			if ( $same || 'update' !== $options['existing'] ) {
				return $result + array(
					'status' => $same ? 'unchanged' : 'skipped',
					'link'   => get_permalink( $post_id ),
				);
			}
		}

		$dates   = $this->dates( isset( $item['published'] ) ? $item['published'] : null );
		$postarr = array(
			'post_type'     => 'post',
			'post_status'   => $options['status'],
			'post_author'   => get_current_user_id(),
			// A Spaces title is plain text: with its markup characters escaped
			// (quotes left as they are, as the editor saves them) it shows as written.
			'post_title'    => htmlspecialchars( $item['title'], ENT_NOQUOTES, 'UTF-8' ),
			// An archive is untrusted input, whoever imports it.
			'post_content'  => wp_kses_post( $item['html'] ),
			'post_category' => $this->category_ids( $item['categories'] ),
			'meta_input'    => array(
				Run_Store::META_SOURCE_ID => $item['sourceId'],
				self::META_ORIGINAL_URL   => isset( $item['originalUrl'] ) ? esc_url_raw( $item['originalUrl'] ) : '',
				self::META_HASH           => $hash,
			),
		);
		if ( $dates ) {
			$postarr['post_date']     = $dates[0];
			$postarr['post_date_gmt'] = $dates[1];
		}
		if ( $post_id ) {
			$postarr['ID'] = $post_id;
		} else {
			$postarr['meta_input'][ Run_Store::META_RUN ] = $run_id;
		}

		// Content is already filtered above; kses must not filter it again by the importer's role.
		kses_remove_filters();
		$id = $post_id ? wp_update_post( wp_slash( $postarr ), true ) : wp_insert_post( wp_slash( $postarr ), true );
		kses_init();

		if ( is_wp_error( $id ) ) {
			return $result + array(
				'status'  => 'failed',
				'message' => $id->get_error_message(),
			);
		}
		return array(
			'sourceId' => $item['sourceId'],
			'postId'   => (int) $id,
			'status'   => $post_id ? 'updated' : 'created',
			'link'     => get_permalink( $id ),
		);
	}

	/**
	 * Local and GMT dates for a post.
	 *
	 * @param string|null $published Local wall-clock `Y-m-d\TH:i:s`, or an ISO time with offset.
	 * @return array|null `[ local, gmt ]` in MySQL format, or null to let WordPress date it now.
	 */
	private function dates( $published ) {
		if ( ! $published ) {
			return null;
		}
		if ( preg_match( '/(Z|[+-]\d{2}:?\d{2})$/', $published ) ) {
			$gmt = gmdate( 'Y-m-d H:i:s', strtotime( $published ) );
			return array( get_date_from_gmt( $gmt ), $gmt );
		}
		$local = str_replace( 'T', ' ', $published );
		return array( $local, get_gmt_from_date( $local ) );
	}

	/**
	 * Category ids for names, creating the missing ones.
	 *
	 * @param string[] $names Category names as the archive has them.
	 * @return int[]
	 */
	private function category_ids( array $names ) {
		$ids = array();
		foreach ( $names as $name ) {
			$name = trim( $name );
			if ( '' === $name ) {
				continue;
			}
			if ( ! isset( $this->category_ids[ $name ] ) ) {
				$term = term_exists( $name, 'category' );
				if ( ! $term ) {
					$term = wp_insert_term( $name, 'category' );
				}
				if ( is_wp_error( $term ) ) {
					continue;
				}
				$this->category_ids[ $name ] = (int) $term['term_id'];
			}
			$ids[] = $this->category_ids[ $name ];
		}
		return $ids;
	}
}
