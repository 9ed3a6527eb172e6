<?php
/**
 * Permission checks and errors shared by the REST controllers.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Run_Options;
use SpacesImporter\Run_Store;

defined( 'ABSPATH' ) || exit;

/**
 * One place for who may do what, so every route asks the same question.
 */
final class Permissions {

	/**
	 * Whether the current user may import: WordPress's own `import` capability,
	 * and `edit_posts`, without which no post can be theirs.
	 *
	 * @return true|\WP_Error
	 */
	public static function can_import() {
		if ( current_user_can( 'import' ) && current_user_can( 'edit_posts' ) ) {
			return true;
		}
		return self::forbidden( 'spaces_importer_forbidden', __( 'Sorry, you are not allowed to import into this site.', 'spaces-importer' ) );
	}

	/**
	 * Whether the current user may go on writing a run: import, and make the
	 * choices stored with it (a run started by an administrator does not let
	 * an author publish).
	 *
	 * @param Run_Store        $store   Where runs are kept.
	 * @param \WP_REST_Request $request A request with the run id.
	 * @return true|\WP_Error
	 */
	public static function can_write_run( Run_Store $store, $request ) {
		$can = self::can_act_on_run( $store, $request, 'edit_others_posts' );
		if ( true !== $can ) {
			return $can;
		}
		$run = $store->get( $request['id'] );
		// An unknown run is answered 404 by the route itself.
		return $run ? Run_Options::check_capabilities( $store->options( $run ) ) : true;
	}

	/**
	 * Whether the current user may read a run (and look files up for it):
	 * their own, or anyone's for those who may edit others' posts.
	 *
	 * @param Run_Store        $store   Where runs are kept.
	 * @param \WP_REST_Request $request A request with the run id.
	 * @return true|\WP_Error
	 */
	public static function can_read_run( Run_Store $store, $request ) {
		return self::can_act_on_run( $store, $request, 'edit_others_posts' );
	}

	/**
	 * Whether the current user may act on a run: a run belongs to the user who
	 * started it; someone else needs the capability WordPress asks for doing
	 * the same to another user's content.
	 *
	 * @param Run_Store        $store      Where runs are kept.
	 * @param \WP_REST_Request $request    A request with the run id.
	 * @param string           $others_cap `edit_others_posts` to write or read, `delete_others_posts` to undo.
	 * @return true|\WP_Error
	 */
	public static function can_act_on_run( Run_Store $store, $request, $others_cap ) {
		$can = self::can_import();
		if ( true !== $can ) {
			return $can;
		}
		$run = $store->get( $request['id'] );
		// An unknown run is answered 404 by the route itself.
		if ( ! $run || self::owns_run( $run ) || current_user_can( $others_cap ) ) {
			return true;
		}
		return self::forbidden( 'spaces_importer_not_your_run', __( 'Sorry, this import was started by another user, and you are not allowed to change their content.', 'spaces-importer' ) );
	}

	/**
	 * Whether the current user started the run.
	 *
	 * @param \WP_Post $run The run.
	 * @return bool
	 */
	public static function owns_run( \WP_Post $run ) {
		return get_current_user_id() === (int) $run->post_author;
	}

	/**
	 * Whose runs the current user sees in lists: everyone's for those who may
	 * act on others' content, otherwise only their own.
	 *
	 * @return int The user whose runs are listed, or 0 for every user.
	 */
	public static function listed_runs_owner() {
		return current_user_can( 'edit_others_posts' ) ? 0 : get_current_user_id();
	}

	/**
	 * Whether the current user may upload files.
	 *
	 * @return true|\WP_Error
	 */
	public static function can_upload() {
		if ( current_user_can( 'upload_files' ) ) {
			return true;
		}
		return self::forbidden( 'spaces_importer_cannot_upload', __( 'Sorry, you are not allowed to upload files to this site.', 'spaces-importer' ) );
	}

	/**
	 * A 403 (or 401 for nobody) error.
	 *
	 * @param string $code    Error code.
	 * @param string $message Message for people.
	 * @return \WP_Error
	 */
	public static function forbidden( $code, $message ) {
		return new \WP_Error( $code, $message, array( 'status' => rest_authorization_required_code() ) );
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

	/**
	 * The error for writing to a run that was undone.
	 *
	 * @return \WP_Error
	 */
	public static function run_undone() {
		return new \WP_Error(
			'spaces_importer_run_undone',
			__( 'This import run was undone. Start the import again to bring the posts back.', 'spaces-importer' ),
			array( 'status' => 409 )
		);
	}
}
