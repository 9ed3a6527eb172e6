<?php
/**
 * REST: the images of an import run.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Media_Library;
use SpacesImporter\Run_Store;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /runs/{id}/media/lookup` finds files the library already holds;
 * `POST /runs/{id}/media` stores one file (multipart).
 */
class Run_Media_Controller extends Controller {

	/**
	 * How many hashes one lookup may ask about.
	 */
	const MAX_LOOKUP = 500;

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'runs/(?P<id>[\d]+)/media';

	/**
	 * The media library.
	 *
	 * @var Media_Library
	 */
	private $library;

	/**
	 * Constructor.
	 *
	 * @param Run_Store     $store   Where runs are kept.
	 * @param Media_Library $library The media library.
	 */
	public function __construct( Run_Store $store, Media_Library $library ) {
		$this->store   = $store;
		$this->library = $library;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes() {
		add_filter( 'rest_request_before_callbacks', array( $this, 'refuse_dropped_body' ), 10, 3 );
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'id'     => $this->run_id_arg(),
						'path'   => array(
							'description' => __( 'The file’s path inside the archive.', 'spaces-importer' ),
							'type'        => 'string',
							'minLength'   => 1,
							'maxLength'   => 1024,
							'required'    => true,
						),
						'sha256' => array(
							'description' => __( 'The SHA-256 of the file, in hexadecimal.', 'spaces-importer' ),
							'type'        => 'string',
							'pattern'     => '^[0-9a-fA-F]{64}$',
							'required'    => true,
						),
						'date'   => array(
							'description' => __( 'The upload folder’s month, YYYY-MM.', 'spaces-importer' ),
							'type'        => 'string',
							'pattern'     => '^[0-9]{4}-(0[1-9]|1[0-2])$',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		$field = array(
			'type'    => 'string',
			'pattern' => '^[A-Za-z0-9_]{1,40}$',
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/batch',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_items' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'id'    => $this->run_id_arg(),
						'items' => array(
							'description' => __( 'The files of this request, each with the sizes the client made of it.', 'spaces-importer' ),
							'type'        => 'array',
							'required'    => true,
							'minItems'    => 1,
							'maxItems'    => 100,
							'items'       => array(
								'type'                 => 'object',
								'additionalProperties' => false,
								'required'             => array( 'path', 'sha256', 'file' ),
								'properties'           => array(
									'path'   => array(
										'type'      => 'string',
										'minLength' => 1,
										'maxLength' => 1024,
									),
									'sha256' => array(
										'type'    => 'string',
										'pattern' => '^[0-9a-fA-F]{64}$',
									),
									'date'   => array(
										'type'    => 'string',
										'pattern' => '^[0-9]{4}-(0[1-9]|1[0-2])$',
									),
									'file'   => $field,
									'sized'  => array(
										'description' => __( 'The client made the sizes this image gets, which may be none.', 'spaces-importer' ),
										'type'        => 'boolean',
									),
									'sizes'  => array(
										'type'     => 'array',
										'maxItems' => 50,
										'items'    => array(
											'type'                 => 'object',
											'additionalProperties' => false,
											'required'             => array( 'name', 'width', 'height', 'file' ),
											'properties'           => array(
												'name'   => array(
													'type'      => 'string',
													'minLength' => 1,
													'maxLength' => 100,
												),
												'width'  => array(
													'type'    => 'integer',
													'minimum' => 1,
												),
												'height' => array(
													'type'    => 'integer',
													'minimum' => 1,
												),
												'file'   => $field,
											),
										),
									),
								),
							),
						),
					),
				),
				'schema' => array( $this, 'get_batch_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/lookup',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'lookup' ),
					'permission_callback' => array( $this, 'lookup_permissions_check' ),
					'args'                => array(
						'id'     => $this->run_id_arg(),
						'hashes' => array(
							'description' => __( 'SHA-256 hashes of files, in hexadecimal.', 'spaces-importer' ),
							'type'        => 'array',
							'required'    => true,
							'maxItems'    => self::MAX_LOOKUP,
							'items'       => array(
								'type'    => 'string',
								'pattern' => '^[0-9a-fA-F]{64}$',
							),
						),
					),
				),
				'schema' => array( $this, 'get_lookup_schema' ),
			)
		);
	}

	/**
	 * A body over `post_max_size` is dropped by PHP before WordPress sees it,
	 * so the upload would be answered as missing its fields: it is answered
	 * 413 with the limit instead, as a file over the limit is.
	 *
	 * @param mixed            $response Response so far (an error when the fields are missing).
	 * @param array            $handler  The route's handler.
	 * @param \WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public function refuse_dropped_body( $response, $handler, $request ) {
		if ( ! isset( $handler['callback'] ) || ! in_array( $handler['callback'], array( array( $this, 'create_item' ), array( $this, 'create_items' ) ), true ) ) {
			return $response;
		}
		$length = isset( $_SERVER['CONTENT_LENGTH'] ) ? (int) $_SERVER['CONTENT_LENGTH'] : 0;
		$limit  = wp_convert_hr_to_bytes( (string) ini_get( 'post_max_size' ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- only whether PHP kept the body.
		if ( ! $limit || $length <= $limit || ! empty( $_POST ) || ! empty( $_FILES ) ) {
			return $response;
		}
		$can = $this->create_item_permissions_check( $request );
		if ( true !== $can ) {
			return $can;
		}
		$largest = min( $limit, wp_max_upload_size() );
		return new \WP_Error(
			'spaces_importer_file_too_large',
			/* translators: %s: the largest size, such as 64 MB. */
			sprintf( __( 'This file is larger than this site accepts (%s).', 'spaces-importer' ), size_format( $largest ) ),
			array(
				'status'   => 413,
				'maxBytes' => (int) $largest,
			)
		);
	}

	/**
	 * Uploading needs the right to import, to write the run, and to upload files.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		$can = Permissions::can_write_run( $this->store, $request );
		return true === $can ? Permissions::can_upload() : $can;
	}

	/**
	 * Looking files up needs the right to read the run.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function lookup_permissions_check( $request ) {
		return Permissions::can_read_run( $this->store, $request );
	}

	/**
	 * Answers the files the library already holds.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function lookup( $request ) {
		$run = $this->find_run( $request );
		if ( is_wp_error( $run ) ) {
			return $run;
		}
		$found = $this->library->find_by_hashes( $request['hashes'] );
		// An empty map must stay a JSON object.
		return rest_ensure_response( array( 'found' => (object) $found ) );
	}

	/**
	 * Stores one file.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		$run = $this->find_writable_run( $request );
		if ( is_wp_error( $run ) ) {
			return $run;
		}
		\SpacesImporter\Import_Mode::importing();
		$files   = $request->get_file_params();
		$options = $this->store->options( $run );
		$stored  = $this->library->store(
			isset( $files['file'] ) && is_array( $files['file'] ) ? $files['file'] : array(),
			$request['path'],
			$request['sha256'],
			(string) $request['date'],
			$run->ID,
			$options['author']
		);
		$this->record( $run, array( array( $request['path'], $stored ) ) );
		if ( is_wp_error( $stored ) ) {
			return $stored;
		}
		$response = $this->prepare_item_for_response(
			array(
				'path'   => $request['path'],
				'stored' => $stored,
			),
			$request
		);
		// This route's answer says nothing of sizes: it takes none.
		$response->set_data( array_diff_key( $response->get_data(), array( 'sizes' => true ) ) );
		$response->set_status( 'created' === $stored['status'] ? 201 : 200 );
		return $response;
	}

	/**
	 * Stores several files, each with the sizes the client made of it (when
	 * the run lets the client make them). Each file is answered on its own:
	 * one refused file fails alone.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_items( $request ) {
		$run = $this->find_writable_run( $request );
		if ( is_wp_error( $run ) ) {
			return $run;
		}
		\SpacesImporter\Import_Mode::importing();
		$files   = $request->get_file_params();
		$options = $this->store->options( $run );
		$client  = 'server' !== $options['imageSizes'];
		$upload  = function ( $field ) use ( $files ) {
			return isset( $files[ $field ] ) && is_array( $files[ $field ] ) ? $files[ $field ] : array();
		};
		$results = array();
		$made    = array();
		$ids     = array();
		// WordPress's importing mode: caches are cleaned once, at the end.
		\SpacesImporter\Import_Mode::begin();
		foreach ( $request['items'] as $item ) {
			$sizes = null;
			if ( $client && ( ! empty( $item['sizes'] ) || ! empty( $item['sized'] ) ) ) {
				$sizes = array();
				foreach ( isset( $item['sizes'] ) ? $item['sizes'] : array() as $size ) {
					$sent                    = $upload( $size['file'] );
					$sizes[ $size['name'] ] = array(
						'width'  => (int) $size['width'],
						'height' => (int) $size['height'],
						'tmp'    => isset( $sent['tmp_name'], $sent['error'] ) && UPLOAD_ERR_OK === (int) $sent['error'] ? (string) $sent['tmp_name'] : '',
					);
				}
			}
			$stored = $this->library->store(
				$upload( $item['file'] ),
				$item['path'],
				$item['sha256'],
				isset( $item['date'] ) ? (string) $item['date'] : '',
				$run->ID,
				$options['author'],
				$sizes
			);
			$made[] = array( $item['path'], $stored );
			if ( ! is_wp_error( $stored ) && 'created' === $stored['status'] ) {
				$ids[] = $stored['attachmentId'];
			}
			$results[] = $this->prepare_response_for_collection(
				$this->prepare_item_for_response(
					array(
						'path'   => $item['path'],
						'stored' => $stored,
					),
					$request
				)
			);
		}
		\SpacesImporter\Import_Mode::end( $ids );
		$this->record( $run, $made );
		return rest_ensure_response( array( 'results' => $results ) );
	}

	/**
	 * One file's result: where it is in the library, or why it was refused.
	 *
	 * @param array            $item    `{ path, stored }`: the file's path in the archive and what the library made of it.
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$stored = $item['stored'];
		if ( ! is_wp_error( $stored ) ) {
			return rest_ensure_response( array( 'path' => $item['path'] ) + $stored );
		}
		$error = $stored->get_error_data();
		$data  = array(
			'path'    => $item['path'],
			'status'  => 'failed',
			'code'    => $stored->get_error_code(),
			'message' => $stored->get_error_message(),
		);
		if ( isset( $error['maxBytes'] ) ) {
			$data['maxBytes'] = (int) $error['maxBytes'];
		}
		return rest_ensure_response( $data );
	}

	/**
	 * Counts files' outcomes in the run's report: one increment per outcome
	 * for the whole request, and each failure kept with its reason.
	 *
	 * @param \WP_Post $run    The run.
	 * @param array    $stored What the library made of each file: `[ path, result ]` pairs.
	 */
	private function record( $run, array $stored ) {
		$report = $this->store->report();
		$counts = array();
		foreach ( $stored as list( $path, $result ) ) {
			if ( is_wp_error( $result ) ) {
				$counts['failed'] = ( isset( $counts['failed'] ) ? $counts['failed'] : 0 ) + 1;
				$report->add_failure( $run->ID, 'media', $path, $result->get_error_message() );
				continue;
			}
			if ( 'existing' === $result['status'] ) {
				// Found, not uploaded: undoing the run that uploaded it must leave it for this one.
				\SpacesImporter\Run_Undo::record_use( $result['attachmentId'], $run->ID );
			}
			$counts[ $result['status'] ] = ( isset( $counts[ $result['status'] ] ) ? $counts[ $result['status'] ] : 0 ) + 1;
		}
		$report->add( $run->ID, array( 'media' => $counts ) );
	}

	/**
	 * The batch answer's schema: one result per file.
	 *
	 * @return array
	 */
	public function get_batch_schema() {
		return Schemas::results(
			'spaces-import-run-media-batch',
			array( 'created', 'existing', 'failed' ),
			array(
				'path'         => array( 'type' => 'string' ),
				'attachmentId' => array( 'type' => 'integer' ),
				'url'          => array( 'type' => 'string' ),
				'sizes'        => array(
					'type' => 'string',
					'enum' => array( 'client', 'server' ),
				),
				'code'         => array( 'type' => 'string' ),
				'maxBytes'     => array( 'type' => 'integer' ),
			)
		);
	}

	/**
	 * The upload answer's schema.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = Schemas::answer(
				'spaces-import-run-media',
				array(
					'path'         => array( 'type' => 'string' ),
					'attachmentId' => array( 'type' => 'integer' ),
					'url'          => array(
						'type'   => 'string',
						'format' => 'uri',
					),
					'status'       => array(
						'type' => 'string',
						'enum' => array( 'created', 'existing' ),
					),
				)
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The lookup answer's schema.
	 *
	 * @return array
	 */
	public function get_lookup_schema() {
		return Schemas::answer(
			'spaces-import-run-media-lookup',
			array(
				'found' => array(
					'type'                 => 'object',
					'additionalProperties' => array(
						'type'       => 'object',
						'properties' => array(
							'attachmentId' => array( 'type' => 'integer' ),
							'url'          => array( 'type' => 'string' ),
						),
					),
				),
			)
		);
	}
}
