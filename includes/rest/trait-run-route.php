<?php
/**
 * What every route below `/runs/{id}` shares.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

defined( 'ABSPATH' ) || exit;

/**
 * The run id argument and the run behind it.
 */
trait Run_Route {

	/**
	 * Where runs are kept; set by the constructor of the class using this.
	 *
	 * @var \SpacesImporter\Run_Store
	 */
	protected $store;

	/**
	 * The `id` argument of a run route.
	 *
	 * @return array
	 */
	protected function run_id_arg() {
		return array(
			'description' => __( 'The run id.', 'spaces-importer' ),
			'type'        => 'integer',
			'minimum'     => 1,
		);
	}

	/**
	 * The run a request names.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_Post|\WP_Error 404 when there is no such run.
	 */
	protected function find_run( $request ) {
		$run = $this->store->get( $request['id'] );
		return $run ? $run : Permissions::run_not_found();
	}

	/**
	 * The run a request writes to: it must exist and not be undone.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_Post|\WP_Error 404 or 409.
	 */
	protected function find_writable_run( $request ) {
		$run = $this->find_run( $request );
		if ( ! is_wp_error( $run ) && \SpacesImporter\Run_Store::STATE_UNDONE === $this->store->state( $run ) ) {
			return Permissions::run_undone();
		}
		return $run;
	}
}
