<?php
/**
 * REST: finalizing an import run.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Import_Mode;
use SpacesImporter\Run_Finalizer;
use SpacesImporter\Run_Store;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /runs/{id}/finalize` does one bounded step of the run's last work.
 */
class Run_Finalize_Controller extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'runs/(?P<id>[\d]+)/finalize';

	/**
	 * Finalizes runs.
	 *
	 * @var Run_Finalizer
	 */
	private $finalizer;

	/**
	 * Constructor.
	 *
	 * @param Run_Store     $store     Where runs are kept.
	 * @param Run_Finalizer $finalizer Finalizes runs.
	 */
	public function __construct( Run_Store $store, Run_Finalizer $finalizer ) {
		$this->store     = $store;
		$this->finalizer = $finalizer;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes() {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array( 'id' => $this->run_id_arg() ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Those who may write the run may finalize it.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		return Permissions::can_write_run( $this->store, $request );
	}

	/**
	 * Does one step; the client calls again until `remaining` is 0.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		$run = $this->find_writable_run( $request );
		if ( is_wp_error( $run ) ) {
			return $run;
		}
		Import_Mode::importing();
		$finished  = Run_Store::STATE_COMPLETE === $this->store->state( $run );
		$remaining = $this->finalizer->step( $run );
		if ( 0 === $remaining && ! $finished ) {
			/**
			 * Fires when an import ends, as in the WordPress Importer: once per
			 * run, when its finalize is done, with `WP_IMPORTING` defined.
			 */
			do_action( 'import_end' );
		}
		return $this->run_response( get_post( $run->ID ), $request, array( 'finalize' => array( 'remaining' => $remaining ) ) );
	}
}
