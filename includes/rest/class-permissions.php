<?php
/**
 * Permission checks and errors shared by the REST controllers.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

defined( 'ABSPATH' ) || exit;

/**
 * One place for who may do what, so every route asks the same question.
 */
final class Permissions {

	/**
	 * Whether the current user may import: WordPress's own `import` capability.
	 *
	 * @return true|\WP_Error
	 */
	public static function can_import() {
		if ( current_user_can( 'import' ) ) {
			return true;
		}
		return new \WP_Error(
			'spaces_importer_forbidden',
			__( 'Sorry, you are not allowed to import into this site.', 'spaces-importer' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * The error for a run id that does not exist.
	 *
	 * @return \WP_Error
	 */
	public static function run_not_found() {
		return new \WP_Error(
			'spaces_importer_run_not_found',
			__( 'There is no such import run on this site.', 'spaces-importer' ),
			array( 'status' => 404 )
		);
	}
}
