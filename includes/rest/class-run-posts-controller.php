<?php
/**
 * REST: the posts of an import run.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Post_Writer;
use SpacesImporter\Run_Store;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /spaces-importer/v1/runs/{id}/posts` creates or updates many posts in one request.
 */
class Run_Posts_Controller extends \WP_REST_Controller {

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
	protected $rest_base = 'runs/(?P<id>[\d]+)/posts';

	/**
	 * Where runs are kept.
	 *
	 * @var Run_Store
	 */
	private $store;

	/**
	 * Writes the posts.
	 *
	 * @var Post_Writer
	 */
	private $writer;

	/**
	 * Constructor.
	 *
	 * @param Run_Store   $store  Where runs are kept.
	 * @param Post_Writer $writer Writes the posts.
	 */
	public function __construct( Run_Store $store, Post_Writer $writer ) {
		$this->store  = $store;
		$this->writer = $writer;
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
					'callback'            => array( $this, 'create_items' ),
					'permission_callback' => array( $this, 'create_items_permissions_check' ),
					'args'                => $this->get_create_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The request's arguments: the posts and the owner's options.
	 *
	 * @return array
	 */
	private function get_create_args() {
		$limits = Run_Store::limits();
		return array(
			'id'      => array(
				'description' => __( 'The run id.', 'spaces-importer' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'posts'   => array(
				'description' => __( 'The posts to create or update.', 'spaces-importer' ),
				'type'        => 'array',
				'required'    => true,
				'minItems'    => 1,
				'maxItems'    => $limits['postsPerRequest'],
				'items'       => $this->get_post_input_schema(),
			),
			'options' => array(
				'description'          => __( 'The choices the owner made.', 'spaces-importer' ),
				'type'                 => 'object',
				'default'              => array(),
				'additionalProperties' => false,
				'properties'           => array(
					'status'   => array(
						'type'    => 'string',
						'enum'    => array( 'publish', 'draft', 'pending', 'private' ),
						'default' => 'publish',
					),
					'existing' => array(
						'type'    => 'string',
						'enum'    => array( 'skip', 'update' ),
						'default' => 'skip',
					),
				),
			),
		);
	}

	/**
	 * One normalized post, as the archive reader produces it.
	 *
	 * @return array
	 */
	private function get_post_input_schema() {
		return array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'sourceId'    => array(
					'description' => __( 'The Spaces item id, cns!<space id>!<number>.', 'spaces-importer' ),
					'type'        => 'string',
					'pattern'     => '^cns![0-9A-Za-z_-]{1,64}![0-9]{1,10}$',
					'required'    => true,
				),
				'title'       => array(
					'type'      => 'string',
					'maxLength' => 1000,
					'required'  => true,
				),
				'html'        => array(
					'type'     => 'string',
					'required' => true,
				),
				'published'   => array(
					'description' => __( 'Local time YYYY-MM-DDTHH:mm:ss, or an ISO time with offset.', 'spaces-importer' ),
					'type'        => array( 'string', 'null' ),
					'pattern'     => '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})?$',
				),
				'categories'  => array(
					'type'     => 'array',
					'maxItems' => 100,
					'items'    => array(
						'type'      => 'string',
						'maxLength' => 200,
					),
					'default'  => array(),
				),
				'originalUrl' => array(
					'type'      => array( 'string', 'null' ),
					'maxLength' => 2048,
				),
			),
		);
	}

	/**
	 * Importers only; publishing needs the right to publish.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_items_permissions_check( $request ) {
		$can = Permissions::can_import();
		if ( true !== $can ) {
			return $can;
		}
		$options = (array) $request['options'];
		if ( isset( $options['status'] ) && 'publish' === $options['status'] && ! current_user_can( 'publish_posts' ) ) {
			return new \WP_Error(
				'spaces_importer_cannot_publish',
				__( 'Sorry, you are not allowed to publish posts on this site.', 'spaces-importer' ),
				array( 'status' => rest_authorization_required_code() )
			);
		}
		return true;
	}

	/**
	 * Creates or updates the posts; answers one result per post.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_items( $request ) {
		$run = $this->store->get( $request['id'] );
		if ( ! $run ) {
			return Permissions::run_not_found();
		}
		$options = wp_parse_args(
			(array) $request['options'],
			array(
				'status'   => 'publish',
				'existing' => 'skip',
			)
		);
		$posts   = array_map( array( $this, 'with_defaults' ), $request['posts'] );
		$results = $this->writer->write_batch( $posts, $run->ID, $options );
		return rest_ensure_response( array( 'results' => $results ) );
	}

	/**
	 * Fills in the optional fields of a post.
	 *
	 * @param array $post The post as sent.
	 * @return array
	 */
	private function with_defaults( array $post ) {
		return wp_parse_args(
			$post,
			array(
				'published'   => null,
				'categories'  => array(),
				'originalUrl' => null,
			)
		);
	}

	/**
	 * The response's schema: one result per post.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'spaces-import-run-posts',
			'type'       => 'object',
			'properties' => array(
				'results' => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'sourceId' => array( 'type' => 'string' ),
							'postId'   => array( 'type' => 'integer' ),
							'status'   => array(
								'type' => 'string',
								'enum' => array( 'created', 'updated', 'unchanged', 'skipped', 'failed' ),
							),
							'link'     => array(
								'type'   => 'string',
								'format' => 'uri',
							),
							'message'  => array( 'type' => 'string' ),
						),
					),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
