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
			// The time it was claimed, perhaps followed by a token ({@see self::claim_many()}).
			$held  = (string) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$since = (int) $held;
			if ( $since && time() - $since > $stale ) {
				// Taken over only if no one else took it over meanwhile.
				$taken = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
					$wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", (string) time(), $name, $held )
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
	 * Claims several items at once: one statement when none is held by
	 * another request (the usual case), else each of those waited for as
	 * {@see self::claim()} waits.
	 *
	 * @param string[] $item_ids The items.
	 * @return array<string,bool> Whether each was claimed, by item id.
	 */
	public function claim_many( array $item_ids ) {
		global $wpdb;
		$names = array();
		foreach ( array_unique( array_map( 'strval', $item_ids ) ) as $item_id ) {
			$names[ $item_id ] = self::PREFIX . md5( $item_id );
		}
		if ( ! $names ) {
			return array();
		}
		// Ours are told from another request's by a token after the time.
		$value = time() . ':' . wp_generate_password( 12, false );
		$rows  = array();
		foreach ( $names as $name ) {
			$rows[] = $wpdb->prepare( "( %s, %s, 'no' )", $name, $value );
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- each row prepared above.
		$inserted = (int) $wpdb->query( "INSERT IGNORE INTO {$wpdb->options} ( option_name, option_value, autoload ) VALUES " . implode( ', ', $rows ) );
		$ours     = array();
		if ( count( $names ) === $inserted ) {
			$ours = array_flip( $names );
		} elseif ( $inserted > 0 ) {
			$placeholders = implode( ',', array_fill( 0, count( $names ), '%s' ) );
			$ours         = array_flip(
				$wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
					$wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_value = %s AND option_name IN ( $placeholders )", array_merge( array( $value ), array_values( $names ) ) ) // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
				)
			);
		}
		$claimed = array();
		foreach ( $names as $item_id => $name ) {
			if ( isset( $ours[ $name ] ) ) {
				$claimed[ $item_id ] = $this->hold( $name );
			} else {
				// Held by another request: wait for it as claim() does.
				$claimed[ $item_id ] = $this->claim( $item_id );
			}
		}
		return $claimed;
	}

	/**
	 * Releases several items' locks in one statement.
	 *
	 * @param string[] $item_ids The items.
	 */
	public function release_many( array $item_ids ) {
		global $wpdb;
		$names = array();
		foreach ( $item_ids as $item_id ) {
			$name = self::PREFIX . md5( (string) $item_id );
			if ( isset( $this->held[ $name ] ) ) {
				$names[] = $name;
				unset( $this->held[ $name ] );
			}
		}
		if ( ! $names ) {
			return;
		}
		$placeholders = implode( ',', array_fill( 0, count( $names ), '%s' ) );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name IN ( $placeholders )", $names ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
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
