<?php
/**
 * What every controller of the plugin's REST API shares.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Image_Sizes;
use SpacesImporter\Run_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Every route is a run or below one: the namespace, the run id argument, the
 * run a request names, and the run as the API answers it (its schema and
 * `prepare_item_for_response()`; controllers whose items are something else
 * override both).
 */
abstract class Controller extends \WP_REST_Controller {

	/**
	 * The REST namespace of every route.
	 */
	const REST_NAMESPACE = 'spaces-importer/v1';

	/**
	 * Route namespace.
	 *
	 * @var string
	 */
	protected $namespace = self::REST_NAMESPACE;

	/**
	 * Where runs are kept; set by the constructor.
	 *
	 * @var Run_Store
	 */
	protected $store;

	/**
	 * Posts already imported by fingerprint, when a list counted them for
	 * all its runs at once; null otherwise.
	 *
	 * @var array<string,int>|null
	 */
	private $imported_posts = null;

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
		if ( ! is_wp_error( $run ) && Run_Store::STATE_UNDONE === $this->store->state( $run ) ) {
			return Permissions::run_undone();
		}
		return $run;
	}

	/**
	 * The runs as a list answers them: the posts already imported of all
	 * their archives are counted in one query, not one per run.
	 *
	 * @param \WP_Post[]       $runs    The runs.
	 * @param \WP_REST_Request $request Request.
	 * @return array[]
	 */
	protected function prepare_runs_for_collection( array $runs, $request ) {
		$fingerprints         = array_map( array( $this->store, 'fingerprint' ), $runs );
		$this->imported_posts = $this->store->count_imported_posts( $fingerprints );
		$data                 = array();
		foreach ( $runs as $run ) {
			$data[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $run, $request ) );
		}
		$this->imported_posts = null;
		return $data;
	}

	/**
	 * The run as the API answers it (see {@see Schemas::run()}).
	 *
	 * @param \WP_Post         $run     The run.
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function prepare_item_for_response( $run, $request ) {
		$fingerprint = $this->store->fingerprint( $run );
		$imported    = null !== $this->imported_posts ? $this->imported_posts : $this->store->count_imported_posts( array( $fingerprint ) );
		$options     = $this->store->options( $run );
		$report      = $this->store->report();
		$data        = array(
			'id'            => $run->ID,
			'fingerprint'   => $fingerprint,
			'name'          => $run->post_title,
			'state'         => $this->store->state( $run ),
			'created'       => mysql_to_rfc3339( $run->post_date_gmt ),
			'totals'        => $this->store->totals( $run ),
			'options'       => $options,
			'importedPosts' => isset( $imported[ $fingerprint ] ) ? $imported[ $fingerprint ] : 0,
			'counts'        => $report->counts( $run->ID ),
			'failures'      => $report->failures( $run->ID ),
			'limits'        => Run_Store::limits(),
			'imageSizes'    => Image_Sizes::settings( $options ),
		);
		$data        = $this->add_additional_fields_to_object( $data, $request );
		$data        = $this->filter_response_by_context( $data, 'view' );
		return rest_ensure_response( $data );
	}

	/**
	 * The run as the API answers it, with what this request adds to it
	 * (`resumed`, `finalize`, `undo`).
	 *
	 * @param \WP_Post         $run     The run.
	 * @param \WP_REST_Request $request Request.
	 * @param array            $extra   Fields of this answer.
	 * @return \WP_REST_Response
	 */
	protected function run_response( \WP_Post $run, $request, array $extra = array() ) {
		$response = $this->prepare_item_for_response( $run, $request );
		$response->set_data( array_merge( $response->get_data(), $extra ) );
		return $response;
	}

	/**
	 * The run's schema.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = Schemas::run();
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
