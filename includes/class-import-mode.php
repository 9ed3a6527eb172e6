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
	 * Core callbacks of `transition_post_status` that redo, for every post
	 * written, work an import needs once: counting the terms of the post
	 * (its terms are counted when they are set, and again in finalize),
	 * whether the site has published posts (the Calendar block's option) and
	 * whether it has several authors (a transient). Taken off while importing;
	 * the last two are done once in {@see self::end()}.
	 */
	const ONCE_PER_REQUEST = array(
		'_update_term_count_on_transition_post_status',
		'block_core_calendar_update_has_published_post_on_transition_post_status',
		'__clear_multi_author_cache',
	);

	/**
	 * The callbacks taken off, with their priorities and argument counts.
	 *
	 * @var array<string,int>
	 */
	private static $taken_off = array();

	/**
	 * Tells WordPress and plugins that this request imports, as WordPress does
	 * for an importer's screen: core and plugins skip pings, enclosures and
	 * notifications, and `import_start`/`import_end` listeners that check
	 * `WP_IMPORTING` see it. Every request that imports (start, media, posts, finalize) calls this.
	 */
	public static function importing() {
		if ( ! defined( 'WP_IMPORTING' ) ) {
			define( 'WP_IMPORTING', true );
		}
	}

	/**
	 * Enters importing mode.
	 */
	public static function begin() {
		self::importing();
		wp_defer_term_counting( true );
		wp_defer_comment_counting( true );
		self::$was_suspended = wp_suspend_cache_invalidation( true );
		add_filter( 'get_the_guid', array( __CLASS__, 'written_guid' ), 10, 2 );
		foreach ( self::ONCE_PER_REQUEST as $callback ) {
			$priority = has_action( 'transition_post_status', $callback );
			if ( false !== $priority && ! isset( self::$taken_off[ $callback ] ) ) {
				remove_action( 'transition_post_status', $callback, $priority );
				self::$taken_off[ $callback ] = $priority;
			}
		}
	}

	/**
	 * The guid of a post just created. `wp_insert_post()` writes it, but the
	 * post's cached copy, which is not cleaned while importing, still has
	 * none, and the publish transition that follows would write it again.
	 * It is the address WordPress wrote, made the same way.
	 *
	 * @param string $guid    The guid as cached.
	 * @param int    $post_id The post.
	 * @return string
	 */
	public static function written_guid( $guid, $post_id ) {
		return '' === $guid && $post_id ? (string) get_permalink( $post_id ) : $guid;
	}

	/**
	 * Leaves importing mode: the deferred counts are made here, once per term and post.
	 *
	 * @param int[] $post_ids Posts written meanwhile, whose caches must not stay stale.
	 */
	public static function end( array $post_ids = array() ) {
		wp_suspend_cache_invalidation( self::$was_suspended );
		remove_filter( 'get_the_guid', array( __CLASS__, 'written_guid' ), 10 );
		foreach ( array_unique( array_filter( $post_ids ) ) as $post_id ) {
			clean_post_cache( $post_id );
		}
		wp_defer_term_counting( false );
		wp_defer_comment_counting( false );
		$accepted = array(
			'_update_term_count_on_transition_post_status' => 3,
			'block_core_calendar_update_has_published_post_on_transition_post_status' => 3,
			'__clear_multi_author_cache' => 1,
		);
		foreach ( self::$taken_off as $callback => $priority ) {
			add_action( 'transition_post_status', $callback, $priority, $accepted[ $callback ] );
		}
		$was_off          = self::$taken_off;
		self::$taken_off = array();
		if ( ! array_filter( $post_ids ) ) {
			return;
		}
		if ( isset( $was_off['block_core_calendar_update_has_published_post_on_transition_post_status'] ) && function_exists( 'block_core_calendar_update_has_published_posts' ) ) {
			block_core_calendar_update_has_published_posts();
		}
		if ( isset( $was_off['__clear_multi_author_cache'] ) ) {
			__clear_multi_author_cache();
		}
	}
}
