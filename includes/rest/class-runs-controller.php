<?php
/**
 * REST: import runs.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Import_Mode;
use SpacesImporter\Run_Options;
use SpacesImporter\Run_Store;
use SpacesImporter\Run_Undo;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /runs` starts or resumes a run, `GET /runs` lists them, `GET /runs/{id}`
 * reads one and `DELETE /runs/{id}` undoes it.
 */
class Runs_Controller extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'runs';

	/**
	 * Undoes runs.
	 *
	 * @var Run_Undo
	 */
	private $undo;

	/**
	 * Constructor.
	 *
	 * @param Run_Store $store Where runs are kept.
	 * @param Run_Undo  $undo  Undoes runs.
	 */
	public function __construct( Run_Store $store, Run_Undo $undo ) {
		$this->store = $store;
		$this->undo  = $undo;
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
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => array(
						'fingerprint' => array(
							'description' => __( 'Only the runs of the archive with this fingerprint.', 'spaces-importer' ),
							'type'        => 'string',
							'pattern'     => '^[0-9a-f]{16,128}$',
						),
					),
				),
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
						'options'     => Run_Options::schema(),
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
					'args'                => array( 'id' => $this->run_id_arg() ),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'delete_item_permissions_check' ),
					'args'                => array(
						'id'    => $this->run_id_arg(),
						'force' => array(
							'description' => __( 'Delete the run’s posts permanently instead of moving them to the trash.', 'spaces-importer' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Only people who may import may list runs (which runs, the list decides).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return Permissions::can_import();
	}

	/**
	 * Only people who may import may start a run, with choices WordPress would let them make.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		$can = Permissions::can_import();
		if ( true !== $can ) {
			return $can;
		}
		return Run_Options::check_capabilities( $this->requested_options( $request ) );
	}

	/**
	 * A run is read by the user who started it, or by those who may edit others' posts.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return Permissions::can_read_run( $this->store, $request );
	}

	/**
	 * Undoing deletes posts: the importer must be allowed to delete them.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function delete_item_permissions_check( $request ) {
		$can = Permissions::can_act_on_run( $this->store, $request, 'delete_others_posts' );
		if ( true !== $can ) {
			return $can;
		}
		$run = $this->store->get( $request['id'] );
		if ( ! $run ) {
			return true;
		}
		$options = $this->store->options( $run );
		$others  = get_current_user_id() !== $options['author'] || get_current_user_id() !== (int) $run->post_author;
		// Deleting one's own drafts needs delete_posts; published posts need more.
		$needed = $this->undo->needed_capabilities( $run->ID );
		if ( $others ) {
			$needed[] = 'delete_others_posts';
		}
		if ( count( array_filter( $needed, 'current_user_can' ) ) < count( $needed ) ) {
			return Permissions::forbidden( 'spaces_importer_cannot_undo', __( 'Sorry, you are not allowed to delete the posts of this import.', 'spaces-importer' ) );
		}
		return true;
	}

	/**
	 * The options a start request asks for, with the defaults filled in.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return array
	 */
	private function requested_options( $request ) {
		return Run_Options::with_defaults( (array) $request['options'], get_current_user_id() );
	}

	/**
	 * Lists runs, newest first: the user's own, or everyone's for those who may act on them.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		$runs = $this->store->find_all( (string) $request['fingerprint'], Permissions::listed_runs_owner() );
		return rest_ensure_response( $this->prepare_runs_for_collection( $runs, $request ) );
	}

	/**
	 * Starts a run, or resumes the user's own unfinished run of the same archive.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		// Another user's run of the same archive is theirs: this user starts their own.
		$fingerprint = $request['fingerprint'];
		$run         = $this->store->find_unfinished( $fingerprint, get_current_user_id() );
		$resumed     = (bool) $run;
		if ( ! $run ) {
			$options = $this->requested_options( $request );
			$valid   = Run_Options::check_references( $options );
			if ( is_wp_error( $valid ) ) {
				return $valid;
			}
			Import_Mode::importing();
			$run = $this->store->create( $fingerprint, $request['name'], $request['totals'], $options );
			if ( is_wp_error( $run ) ) {
				return $run;
			}
			/**
			 * Fires when an import starts, as in the WordPress Importer: once
			 * per run, when it is created (not when it is resumed), with
			 * `WP_IMPORTING` defined. The run then receives its files and
			 * posts over several requests; `import_end` fires when it is finalized.
			 */
			do_action( 'import_start' );
		}
		$response = $this->run_response( $run, $request, array( 'resumed' => $resumed ) );
		$response->set_status( $resumed ? 200 : 201 );
		return $response;
	}

	/**
	 * Reads a run.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$run = $this->find_run( $request );
		if ( is_wp_error( $run ) ) {
			return $run;
		}
		return $this->prepare_item_for_response( $run, $request );
	}

	/**
	 * Undoes a run, one bounded step per request.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function delete_item( $request ) {
		$run = $this->find_run( $request );
		if ( is_wp_error( $run ) ) {
			return $run;
		}
		$remaining = $this->undo->step( $run, (bool) $request['force'] );
		return $this->run_response( get_post( $run->ID ), $request, array( 'undo' => array( 'remaining' => $remaining ) ) );
	}
}
