<?php
/**
 * REST: import runs.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Run_Store;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /spaces-importer/v1/runs` starts or resumes a run; `GET /runs/{id}` reads one.
 */
class Runs_Controller extends \WP_REST_Controller {

	/**
	 * Route namespace.
	 *
	 * @var string
	 */
	protected $namespace = 'spaces-importer/v1';

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'runs';

	/**
	 * Where runs are kept.
	 *
	 * @var Run_Store
	 */
	private $store;

	/**
	 * Constructor.
	 *
	 * @param Run_Store $store Where runs are kept.
	 */
	public function __construct( Run_Store $store ) {
		$this->store = $store;
	}

	/**
	 * Registers the routes.
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
					'args'                => array(
						'fingerprint' => array(
							'description' => __( 'A fingerprint of the archive, so the same archive finds its run again.', 'spaces-importer' ),
							'type'        => 'string',
							'pattern'     => '^[0-9a-f]{16,128}$',
							'required'    => true,
						),
						'name'        => array(
							'description' => __( 'The archive file name.', 'spaces-importer' ),
							'type'        => 'string',
							'minLength'   => 1,
							'maxLength'   => 255,
							'required'    => true,
						),
						'totals'      => array(
							'description'          => __( 'What the archive holds, by kind.', 'spaces-importer' ),
							'type'                 => 'object',
							'properties'           => array(
								'posts'    => array(
									'type'    => 'integer',
									'minimum' => 0,
								),
								'comments' => array(
									'type'    => 'integer',
									'minimum' => 0,
								),
								'media'    => array(
									'type'    => 'integer',
									'minimum' => 0,
								),
							),
							'additionalProperties' => false,
							'default'              => array(),
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'id' => array(
							'description' => __( 'The run id.', 'spaces-importer' ),
							'type'        => 'integer',
							'minimum'     => 1,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/finalize',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'finalize' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'id' => array(
							'description' => __( 'The run id.', 'spaces-importer' ),
							'type'        => 'integer',
							'minimum'     => 1,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Only people who may import may start a run.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		return Permissions::can_import();
	}

	/**
	 * Only people who may import may read a run.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return Permissions::can_import();
	}

	/**
	 * Starts a run, or resumes the unfinished run of the same archive.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		$fingerprint = $request['fingerprint'];
		$run         = $this->store->find_unfinished( $fingerprint );
		$resumed     = (bool) $run;
		if ( ! $run ) {
			$run = $this->store->create( $fingerprint, $request['name'], $request['totals'] );
			if ( is_wp_error( $run ) ) {
				return $run;
			}
		}
		$data            = $this->store->to_response( $run );
		$data['resumed'] = $resumed;
		return new \WP_REST_Response( $data, $resumed ? 200 : 201 );
	}

	/**
	 * Reads a run.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$run = $this->store->get( $request['id'] );
		if ( ! $run ) {
			return Permissions::run_not_found();
		}
		return rest_ensure_response( $this->store->to_response( $run ) );
	}

	/**
	 * Ends a run: the site is told the import is over.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function finalize( $request ) {
		$run = $this->store->get( $request['id'] );
		if ( ! $run ) {
			return Permissions::run_not_found();
		}
		$this->store->complete( $run );
		return rest_ensure_response( $this->store->to_response( $run ) );
	}

	/**
	 * The run's schema.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$count        = array( 'type' => 'integer' );
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'spaces-import-run',
			'type'       => 'object',
			'properties' => array(
				'id'            => $count,
				'fingerprint'   => array( 'type' => 'string' ),
				'name'          => array( 'type' => 'string' ),
				'state'         => array(
					'type' => 'string',
					'enum' => array( Run_Store::STATE_RUNNING, Run_Store::STATE_COMPLETE ),
				),
				'created'       => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'totals'        => array( 'type' => 'object' ),
				'importedPosts' => $count,
				'resumed'       => array( 'type' => 'boolean' ),
				'limits'        => array(
					'type'       => 'object',
					'properties' => array( 'postsPerRequest' => $count ),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
