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
 * `POST /runs/{id}/posts` creates or updates many posts, each
 * with its comments, in one request.
 */
class Run_Posts_Controller extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'runs/(?P<id>[\d]+)/posts';

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
	 * The request's arguments: the posts. The owner's choices are the run's.
	 *
	 * @return array
	 */
	private function get_create_args() {
		$limits = Run_Store::limits();
		return array(
			'id'    => $this->run_id_arg(),
			'posts' => array(
				'description' => __( 'The posts to create or update.', 'spaces-importer' ),
				'type'        => 'array',
				'required'    => true,
				'minItems'    => 1,
				'maxItems'    => $limits['postsPerRequest'],
				'items'       => $this->get_post_input_schema(),
			),
		);
	}

	/**
	 * One normalized post, as the archive reader produces it.
	 *
	 * @return array
	 */
	private function get_post_input_schema() {
		$limits    = Run_Store::limits();
		$source_id = array(
			'description' => __( 'The Spaces item id, cns!<space id>!<number>, or for a post without one the importer\'s own id, local!<16 hex digits>.', 'spaces-importer' ),
			'type'        => 'string',
			'pattern'     => '^(cns![0-9A-Za-z_-]{1,64}![0-9]{1,10}|local![0-9a-f]{16})$',
		);
		$published = array(
			'description' => __( 'Local time YYYY-MM-DDTHH:mm:ss, or an ISO time with offset.', 'spaces-importer' ),
			'type'        => array( 'string', 'null' ),
			'pattern'     => '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})?$',
		);
		return array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'sourceId'    => $source_id + array( 'required' => true ),
				'title'       => array(
					'type'      => 'string',
					'maxLength' => 1000,
					'required'  => true,
				),
				'html'        => array(
					'type'      => 'string',
					'maxLength' => Run_Store::MAX_POST_BYTES,
					'required'  => true,
				),
				'published'   => $published,
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
				'status'      => array(
					'description' => __( 'draft: the post is imported as a draft whatever status the run gives posts (a Windows Live Writer draft).', 'spaces-importer' ),
					'type'        => 'string',
					'enum'        => array( 'draft' ),
				),
				'tags'        => array(
					'description' => __( 'Tags of the post (Windows Live Writer keywords), besides its categories.', 'spaces-importer' ),
					'type'        => 'array',
					'maxItems'    => 100,
					'items'       => array(
						'type'      => 'string',
						'maxLength' => 200,
					),
				),
				'excerpt'     => array(
					'description' => __( 'The post\'s excerpt, plain text.', 'spaces-importer' ),
					'type'        => 'string',
					'maxLength'   => 10000,
				),
				'comments'    => array(
					'description' => __( 'The post’s comments, or a part of them; a post with many is sent in several requests.', 'spaces-importer' ),
					'type'        => 'array',
					'maxItems'    => $limits['maxCommentsPerRequest'],
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'author'    => array(
								'type'      => 'string',
								'maxLength' => 1000,
								'required'  => true,
							),
							'authorUrl' => array(
								'type'      => array( 'string', 'null' ),
								'maxLength' => 2048,
							),
							'published' => $published,
							'html'      => array(
								'type'      => 'string',
								'maxLength' => Run_Store::MAX_COMMENT_BYTES,
								'required'  => true,
							),
						),
					),
				),
				'images'      => array(
					'description' => __( 'Image references of the body and the attachments holding them.', 'spaces-importer' ),
					'type'        => 'array',
					'maxItems'    => 1000,
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'reference'    => array(
								'type'      => 'string',
								'minLength' => 1,
								'maxLength' => 2048,
								'required'  => true,
							),
							'attachmentId' => array(
								'type'     => 'integer',
								'minimum'  => 1,
								'required' => true,
							),
						),
					),
				),
				'links'       => array(
					'description' => __( 'Links of the body to other posts of the archive.', 'spaces-importer' ),
					'type'        => 'array',
					'maxItems'    => 1000,
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'href'     => array(
								'type'      => 'string',
								'minLength' => 1,
								'maxLength' => 2048,
								'required'  => true,
							),
							'sourceId' => $source_id + array( 'required' => true ),
						),
					),
				),
			),
		);
	}

	/**
	 * Importers only, and only with the choices stored with the run.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_items_permissions_check( $request ) {
		return Permissions::can_write_run( $this->store, $request );
	}

	/**
	 * Creates or updates the posts; answers one result per post.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_items( $request ) {
		$run = $this->find_writable_run( $request );
		if ( is_wp_error( $run ) ) {
			return $run;
		}
		$too_heavy = $this->check_weight( $request );
		if ( is_wp_error( $too_heavy ) ) {
			return $too_heavy;
		}
		$posts   = array_map( array( $this, 'with_defaults' ), $request['posts'] );
		$results = $this->writer->write_batch( $posts, $run->ID, $this->store->options( $run ) );
		$this->report( $run->ID, $results );
		$data = array();
		foreach ( $results as $result ) {
			$data[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $result, $request ) );
		}
		return rest_ensure_response( array( 'results' => $data ) );
	}

	/**
	 * One post's result, with the fields the schema declares.
	 *
	 * @param array            $result  What the writer made of the post.
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function prepare_item_for_response( $result, $request ) {
		$schema = $this->get_item_schema();
		return rest_ensure_response( array_intersect_key( $result, $schema['properties']['results']['items']['properties'] ) );
	}

	/**
	 * Refuses a request heavier than one request may be: too many comments
	 * over all its posts (400), or too many bytes (413). Either would run past
	 * the time a host gives a request.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	private function check_weight( $request ) {
		$limits = Run_Store::limits();
		$bytes  = strlen( (string) $request->get_body() );
		if ( $bytes > $limits['maxRequestBytes'] ) {
			return new \WP_Error(
				'spaces_importer_request_too_large',
				/* translators: 1: the request's size, 2: the largest size, such as 8 MB. */
				sprintf( __( 'This request is %1$s; one request may carry at most %2$s (limits.maxRequestBytes).', 'spaces-importer' ), size_format( $bytes ), size_format( $limits['maxRequestBytes'] ) ),
				array(
					'status' => 413,
					'limit'  => $limits['maxRequestBytes'],
				)
			);
		}
		$comments = 0;
		foreach ( (array) $request['posts'] as $post ) {
			$comments += isset( $post['comments'] ) ? count( (array) $post['comments'] ) : 0;
		}
		if ( $comments > $limits['maxCommentsPerRequest'] ) {
			return new \WP_Error(
				'spaces_importer_too_many_comments',
				/* translators: 1: how many comments were sent, 2: the most one request may carry. */
				sprintf( __( 'This request carries %1$d comments; one request may carry at most %2$d (limits.maxCommentsPerRequest).', 'spaces-importer' ), $comments, $limits['maxCommentsPerRequest'] ),
				array(
					'status' => 400,
					'limit'  => $limits['maxCommentsPerRequest'],
				)
			);
		}
		return true;
	}

	/**
	 * Adds the results to the run's counts and failures.
	 *
	 * @param int   $run_id  The run.
	 * @param array $results One result per post.
	 */
	private function report( $run_id, array $results ) {
		$report = $this->store->report();
		$deltas = array(
			'posts'    => array(),
			'comments' => array( 'created' => 0 ),
		);
		foreach ( $results as $result ) {
			$deltas['posts'][ $result['status'] ] = isset( $deltas['posts'][ $result['status'] ] ) ? $deltas['posts'][ $result['status'] ] + 1 : 1;
			$deltas['comments']['created']       += $result['comments']['created'];
			if ( 'failed' === $result['status'] ) {
				$report->add_failure( $run_id, 'post', $result['sourceId'], isset( $result['message'] ) ? $result['message'] : '' );
			}
		}
		$report->add( $run_id, $deltas );
	}

	/**
	 * Fills in the optional fields of a post.
	 *
	 * @param array $post The post as sent.
	 * @return array
	 */
	private function with_defaults( array $post ) {
		$post = wp_parse_args(
			$post,
			array(
				'published'   => null,
				'categories'  => array(),
				'originalUrl' => null,
				'comments'    => array(),
				'images'      => array(),
				'links'       => array(),
			)
		);
		foreach ( $post['comments'] as $index => $comment ) {
			$post['comments'][ $index ] = wp_parse_args(
				$comment,
				array(
					'authorUrl' => null,
					'published' => null,
				)
			);
		}
		return $post;
	}

	/**
	 * The response's schema: one result per post.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = Schemas::results(
				'spaces-import-run-posts',
				array( 'created', 'updated', 'unchanged', 'skipped', 'failed' ),
				array(
					'sourceId' => array( 'type' => 'string' ),
					'postId'   => array( 'type' => 'integer' ),
					'link'     => array(
						'type'   => 'string',
						'format' => 'uri',
					),
					'warnings' => array(
						'type'  => 'array',
						'items' => array( 'type' => 'string' ),
					),
					'comments' => array(
						'type'       => 'object',
						'properties' => array( 'created' => array( 'type' => 'integer' ) ),
					),
				)
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
