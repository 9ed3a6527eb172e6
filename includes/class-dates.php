<?php
/**
 * Dates from the archive, turned into the local and GMT times WordPress keeps.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Spaces wrote wall-clock times; WordPress keeps both the site's local time and GMT.
 */
final class Dates {

	/**
	 * Local and GMT dates for a time from the archive.
	 *
	 * A time without an offset is the wall-clock time the blog showed, so it is
	 * read in the site's time zone; a time with an offset is an instant.
	 *
	 * @param string|null $published Local wall-clock `Y-m-d\TH:i:s`, or an ISO time with offset.
	 * @return array|null `[ local, gmt ]` in MySQL format, or null when there is no date.
	 */
	public static function local_and_gmt( $published ) {
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
}
