<?php
/**
 * What a run did, kept compactly so a reloaded screen can show it.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Per-item results are not kept one by one: a counter per outcome and a capped
 * list of failures (the items an owner has to look at) say the same in a few rows.
 */
class Run_Report {

	const META_COUNT_PREFIX = '_spaces_importer_count_';
	const META_FAILURE      = '_spaces_importer_failure';

	/**
	 * At most this many failures are kept; the counts still count them all.
	 */
	const MAX_FAILURES = 200;

	/**
	 * The counters, by kind and outcome.
	 *
	 * @var array<string,string[]>
	 */
	const COUNTERS = array(
		'posts'    => array( 'created', 'updated', 'unchanged', 'skipped', 'failed' ),
		'comments' => array( 'created' ),
		'media'    => array( 'created', 'existing', 'failed' ),
	);

	/**
	 * Creates a run's counters at zero, so later increments are single atomic updates.
	 *
	 * @param int $run_id The run.
	 */
	public function start( $run_id ) {
		foreach ( self::COUNTERS as $kind => $outcomes ) {
			foreach ( $outcomes as $outcome ) {
				add_post_meta( $run_id, self::META_COUNT_PREFIX . $kind . '_' . $outcome, 0, true );
			}
		}
	}

	/**
	 * Adds to a run's counters.
	 *
	 * Requests of one run arrive in parallel: reading, adding and writing back a
	 * serialized array would lose updates, so each counter is its own row,
	 * incremented in SQL.
	 *
	 * @param int   $run_id The run.
	 * @param array $deltas Amounts by kind and outcome, e.g. `[ 'posts' => [ 'created' => 2 ] ]`.
	 */
	public function add( $run_id, array $deltas ) {
		global $wpdb;
		$changed = false;
		foreach ( $deltas as $kind => $outcomes ) {
			foreach ( (array) $outcomes as $outcome => $amount ) {
				if ( ! $amount || ! isset( self::COUNTERS[ $kind ] ) || ! in_array( $outcome, self::COUNTERS[ $kind ], true ) ) {
					continue;
				}
				$key     = self::META_COUNT_PREFIX . $kind . '_' . $outcome;
				$updated = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic increment.
					$wpdb->prepare(
						"UPDATE {$wpdb->postmeta} SET meta_value = meta_value + %d WHERE post_id = %d AND meta_key = %s",
						(int) $amount,
						(int) $run_id,
						$key
					)
				);
				if ( ! $updated ) {
					// A run from before counters existed.
					add_post_meta( $run_id, $key, (int) $amount, true );
				}
				$changed = true;
			}
		}
		if ( $changed ) {
			wp_cache_delete( $run_id, 'post_meta' );
		}
	}

	/**
	 * Records a failed item, while fewer than the cap are kept.
	 *
	 * @param int    $run_id    The run.
	 * @param string $kind      `post`, `comment` or `media`.
	 * @param string $source_id What the archive calls the item (Spaces id or path).
	 * @param string $message   Why it failed.
	 */
	public function add_failure( $run_id, $kind, $source_id, $message ) {
		$kept = get_post_meta( $run_id, self::META_FAILURE );
		if ( count( $kept ) >= self::MAX_FAILURES ) {
			return;
		}
		add_post_meta(
			$run_id,
			self::META_FAILURE,
			array(
				'kind'     => $kind,
				'sourceId' => (string) $source_id,
				'message'  => (string) $message,
			)
		);
	}

	/**
	 * A run's counters.
	 *
	 * @param int $run_id The run.
	 * @return array Counts by kind and outcome.
	 */
	public function counts( $run_id ) {
		$counts = array();
		foreach ( self::COUNTERS as $kind => $outcomes ) {
			foreach ( $outcomes as $outcome ) {
				$counts[ $kind ][ $outcome ] = (int) get_post_meta( $run_id, self::META_COUNT_PREFIX . $kind . '_' . $outcome, true );
			}
		}
		return $counts;
	}

	/**
	 * A run's recorded failures, oldest first.
	 *
	 * @param int $run_id The run.
	 * @return array[]
	 */
	public function failures( $run_id ) {
		return array_values( array_filter( get_post_meta( $run_id, self::META_FAILURE ), 'is_array' ) );
	}
}
