<?php
/**
 * WordPress's importing mode, switched on around every write of a request.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Switches off the work WordPress would otherwise repeat for every item:
 * pings and enclosures, term and comment recounts, cache invalidation.
 */
final class Import_Mode {

	/**
	 * Whether cache invalidation was suspended before we started.
	 *
	 * @var bool
	 */
	private static $was_suspended = false;

	/**
	 * Enters importing mode.
	 */
	public static function begin() {
		if ( ! defined( 'WP_IMPORTING' ) ) {
			// Core and plugins skip pings, enclosures and notifications while importing.
			define( 'WP_IMPORTING', true );
		}
		wp_defer_term_counting( true );
		wp_defer_comment_counting( true );
		self::$was_suspended = wp_suspend_cache_invalidation( true );
	}

	/**
	 * Leaves importing mode: the deferred counts are made here, once per term and post.
	 *
	 * @param int[] $post_ids Posts written meanwhile, whose caches must not stay stale.
	 */
	public static function end( array $post_ids = array() ) {
		wp_suspend_cache_invalidation( self::$was_suspended );
		foreach ( array_unique( array_filter( $post_ids ) ) as $post_id ) {
			clean_post_cache( $post_id );
		}
		wp_defer_term_counting( false );
		wp_defer_comment_counting( false );
	}
}
