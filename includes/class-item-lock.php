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
 *
 * A request that dies never leaves a lock that blocks the resend: the locks
 * it holds are released when PHP shuts down (also after a fatal error or the
 * time limit), and a lock whose request was killed outright counts as stale
 * a few seconds after that request's own time limit, and is taken over.
 */
class Item_Lock {

	const PREFIX = '_spaces_importer_lock_';

	/**
	 * How long after a request's time limit its lock counts as stale.
	 */
	const GRACE_SECONDS = 5;

	/**
	 * The time limit assumed for a request that has none.
	 */
	const DEFAULT_LIMIT_SECONDS = 30;

	/**
	 * The items this request holds, by lock name.
	 *
	 * @var array<string,bool>
	 */
	private $held = array();

	/**
	 * Whether the shutdown release is registered.
	 *
	 * @var bool
	 */
	private $registered = false;

	/**
	 * A lock older than this belongs to a request that died.
	 *
	 * @return int Seconds.
	 */
	public static function stale_seconds() {
		$limit = (int) ini_get( 'max_execution_time' );
		return ( $limit > 0 ? min( $limit, 300 ) : self::DEFAULT_LIMIT_SECONDS ) + self::GRACE_SECONDS;
	}

	/**
	 * Claims an item, waiting while another request holds it.
	 *
	 * @param string $item_id The item's id.
	 * @return bool Whether the lock was claimed.
	 */
	public function claim( $item_id ) {
		global $wpdb;
		$name     = self::PREFIX . md5( $item_id );
		$stale    = self::stale_seconds();
		// Long enough for a lock left by a killed request to turn stale.
		$deadline = microtime( true ) + $stale + 1;
		do {
			$claimed = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic claim; the options API would overwrite.
				$wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} ( option_name, option_value, autoload ) VALUES ( %s, %s, 'no' )", $name, (string) time() )
			);
			if ( $claimed ) {
				return $this->hold( $name );
			}
			$since = (int) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			if ( $since && time() - $since > $stale ) {
				// Taken over only if no one else took it over meanwhile.
				$taken = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
					$wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", (string) time(), $name, (string) $since )
				);
				if ( $taken ) {
					return $this->hold( $name );
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
		$this->release_name( self::PREFIX . md5( $item_id ) );
	}

	/**
	 * Releases every lock this request still holds; run when PHP shuts down,
	 * after a fatal error or the time limit too.
	 */
	public function release_all() {
		foreach ( array_keys( $this->held ) as $name ) {
			$this->release_name( $name );
		}
	}

	/**
	 * Notes a claimed lock, to be released at shutdown if the request dies holding it.
	 *
	 * @param string $name The lock's option name.
	 * @return bool True.
	 */
	private function hold( $name ) {
		$this->held[ $name ] = true;
		if ( ! $this->registered ) {
			register_shutdown_function( array( $this, 'release_all' ) );
			$this->registered = true;
		}
		return true;
	}

	/**
	 * Deletes a lock.
	 *
	 * @param string $name The lock's option name.
	 */
	private function release_name( $name ) {
		global $wpdb;
		unset( $this->held[ $name ] );
		$wpdb->delete( $wpdb->options, array( 'option_name' => $name ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}
}
