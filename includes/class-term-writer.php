<?php
/**
 * Categories and tags named in the archive.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Finds or creates terms by name, and marks the ones it creates with the run,
 * so undo can remove them again when they are left empty.
 */
class Term_Writer {

	/**
	 * Term ids by taxonomy and name, for the length of a request.
	 *
	 * @var array<string,array<string,int>>
	 */
	private $ids = array();

	/**
	 * Forgets the ids found so far: after a rolled-back transaction the terms
	 * made in it are gone.
	 */
	public function forget() {
		$this->ids = array();
	}

	/**
	 * Term ids for names, creating the missing ones when the caller may.
	 *
	 * @param string[] $names      Names as the archive has them.
	 * @param string   $taxonomy   `category` or `post_tag`.
	 * @param int      $run_id     The run creating them.
	 * @param bool     $may_create Whether missing terms may be created.
	 * @param string[] $left_out   The names of missing terms that were not created, added to.
	 * @return int[]
	 */
	public function ids_for( array $names, $taxonomy, $run_id, $may_create = true, array &$left_out = array() ) {
		$ids = array();
		foreach ( $names as $name ) {
			$name = trim( wp_strip_all_tags( $name ) );
			if ( '' === $name ) {
				continue;
			}
			if ( ! isset( $this->ids[ $taxonomy ][ $name ] ) ) {
				$id = $may_create ? $this->find_or_create( $name, $taxonomy, $run_id ) : $this->find( $name, $taxonomy );
				if ( ! $id ) {
					if ( ! $may_create ) {
						$left_out[] = $name;
					}
					continue;
				}
				$this->ids[ $taxonomy ][ $name ] = $id;
			}
			$ids[] = $this->ids[ $taxonomy ][ $name ];
		}
		return array_values( array_unique( $ids ) );
	}

	/**
	 * An existing term's id.
	 *
	 * @param string $name     Term name.
	 * @param string $taxonomy Taxonomy.
	 * @return int 0 when there is none.
	 */
	private function find( $name, $taxonomy ) {
		$term = term_exists( $name, $taxonomy );
		return $term ? (int) $term['term_id'] : 0;
	}

	/**
	 * One term's id.
	 *
	 * @param string $name     Term name.
	 * @param string $taxonomy Taxonomy.
	 * @param int    $run_id   The run.
	 * @return int 0 when it could not be made.
	 */
	private function find_or_create( $name, $taxonomy, $run_id ) {
		$term = term_exists( $name, $taxonomy );
		if ( $term ) {
			return (int) $term['term_id'];
		}
		// Batches of one import run side by side: without the lock two of them
		// could both miss the term and both create it ("Travel", "Travel-2").
		$lock   = new Item_Lock();
		$key    = 'term:' . $taxonomy . ':' . $name;
		$locked = $lock->claim( $key );
		try {
			$term = term_exists( $name, $taxonomy );
			if ( $term ) {
				return (int) $term['term_id'];
			}
			$term = wp_insert_term( $name, $taxonomy );
			if ( is_wp_error( $term ) ) {
				$existing = $term->get_error_data( 'term_exists' );
				return $existing ? (int) $existing : 0;
			}
			add_term_meta( (int) $term['term_id'], Item_Meta::RUN, (int) $run_id, true );
			return (int) $term['term_id'];
		} finally {
			if ( $locked ) {
				$lock->release( $key );
			}
		}
	}
}
