<?php
/**
 * A short lock on one archive item, across requests.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * A runner that was stopped and restarted may send a batch again while the
 * server is still writing the first copy. Without a lock both requests would
 * find no post for an item and both would create one. The lock is a row in
 * the options table, whose unique name makes claiming it atomic on every
 * database WordPress runs on.
 */
class Item_Lock {

	const PREFIX = '_spaces_importer_lock_';

	/**
	 * A lock older than this belongs to a request that died.
	 */
	const STALE_SECONDS = 60;

	/**
	 * How long to wait for another request to finish the item.
	 */
	const WAIT_SECONDS = 30;

	/**
	 * Claims an item, waiting while another request holds it.
	 *
	 * @param string $item_id The item's id.
	 * @return bool Whether the lock was claimed.
	 */
	public function claim( $item_id ) {
		global $wpdb;
		$name     = self::PREFIX . md5( $item_id );
		$deadline = microtime( true ) + self::WAIT_SECONDS;
		do {
			$claimed = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic claim; the options API would overwrite.
				$wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} ( option_name, option_value, autoload ) VALUES ( %s, %s, 'no' )", $name, (string) time() )
			);
			if ( $claimed ) {
				return true;
			}
			$since = (int) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			if ( $since && time() - $since > self::STALE_SECONDS ) {
				// Taken over only if no one else took it over meanwhile.
				$taken = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
					$wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", (string) time(), $name, (string) $since )
				);
				if ( $taken ) {
					return true;
				}
			}
			usleep( 100000 );
		} while ( microtime( true ) < $deadline );
		return false;
	}

	/**
	 * Releases an item.
	 *
	 * @param string $item_id The item's id.
	 */
	public function release( $item_id ) {
		global $wpdb;
		$wpdb->delete( $wpdb->options, array( 'option_name' => self::PREFIX . md5( $item_id ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}
}
