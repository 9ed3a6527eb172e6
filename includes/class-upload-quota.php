<?php
/**
 * A network's limits on a site's uploads.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * On a network of sites each site has an upload quota set by the network's
 * administrator. WordPress folds what is left of it into
 * `wp_max_upload_size()`, which would refuse a file as "too large" without
 * saying why; this check names the quota, file by file.
 */
final class Upload_Quota {

	/**
	 * Whether a file of this size may still be stored on the current site.
	 *
	 * @param int $size Bytes.
	 * @return true|\WP_Error A per-file refusal naming the limit.
	 */
	public static function check( $size ) {
		if ( ! is_multisite() || get_site_option( 'upload_space_check_disabled' ) ) {
			return true;
		}
		$available = (int) get_upload_space_available();
		if ( $size > $available ) {
			return new \WP_Error(
				'spaces_importer_over_quota',
				sprintf(
					/* translators: 1: the file's size, 2: the space left, such as 120 KB. */
					__( 'This site has no room left for this file: it needs %1$s and %2$s of the site\'s upload space is left. A network administrator can give the site more space.', 'spaces-importer' ),
					size_format( $size ),
					$available > 0 ? size_format( $available ) : __( 'nothing', 'spaces-importer' )
				),
				array( 'status' => 413 )
			);
		}
		return true;
	}
}
