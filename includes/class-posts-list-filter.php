<?php
/**
 * Posts → All Posts, narrowed to one import run.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * The importer's report links to `edit.php?spaces_importer_run=<id>`: the
 * posts list then shows only the posts that run created, with a line saying so.
 */
class Posts_List_Filter {

	const QUERY_ARG = 'spaces_importer_run';

	/**
	 * Hooks in.
	 */
	public function register() {
		add_action( 'pre_get_posts', array( $this, 'filter' ) );
		add_action( 'admin_notices', array( $this, 'notice' ) );
	}

	/**
	 * The run asked for on the posts list, or 0.
	 *
	 * @return int
	 */
	private function requested_run() {
		global $pagenow;
		if ( ! is_admin() || 'edit.php' !== $pagenow || ! isset( $_GET[ self::QUERY_ARG ] ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only list filter.
			return 0;
		}
		return absint( $_GET[ self::QUERY_ARG ] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended
	}

	/**
	 * Narrows the list's main query to the run's posts.
	 *
	 * @param \WP_Query $query The query.
	 */
	public function filter( $query ) {
		$run_id = $this->requested_run();
		if ( ! $run_id || ! $query->is_main_query() ) {
			return;
		}
		$meta_query   = (array) $query->get( 'meta_query' );
		$meta_query[] = array(
			'key'   => Item_Meta::RUN,
			'value' => (string) $run_id,
		);
		$query->set( 'meta_query', $meta_query ); // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- one admin list.
	}

	/**
	 * Says which import the list shows, with a way back to all posts.
	 */
	public function notice() {
		$run_id = $this->requested_run();
		if ( ! $run_id ) {
			return;
		}
		$run  = get_post( $run_id );
		$name = ( $run && Run_Store::POST_TYPE === $run->post_type && current_user_can( 'import' ) ) ? $run->post_title : '';
		printf(
			'<div class="notice notice-info"><p>%s <a href="%s">%s</a></p></div>',
			esc_html(
				'' !== $name
					/* translators: %s: the archive's file name. */
					? sprintf( __( 'Showing the posts imported from “%s”.', 'spaces-importer' ), $name )
					: __( 'Showing the posts of one import.', 'spaces-importer' )
			),
			esc_url( admin_url( 'edit.php' ) ),
			esc_html__( 'Show all posts', 'spaces-importer' )
		);
	}
}
