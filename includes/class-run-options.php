<?php
/**
 * The owner's choices for a run: their schema, defaults and who may make them.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Options are chosen once, when a run starts, and stored with it; every later
 * request of the run works with the stored choices.
 */
final class Run_Options {

	/**
	 * The schema of the `options` argument.
	 *
	 * @return array
	 */
	public static function schema() {
		return array(
			'description'          => __( 'The choices the owner made for this import.', 'spaces-importer' ),
			'type'                 => 'object',
			'default'              => array(),
			'additionalProperties' => false,
			'properties'           => array(
				'author'            => array(
					'description' => __( 'The user the posts belong to; the current user by default.', 'spaces-importer' ),
					'type'        => 'integer',
					'minimum'     => 1,
				),
				'status'            => array(
					'type' => 'string',
					'enum' => array( 'publish', 'draft', 'pending', 'private' ),
				),
				'comments'          => array(
					'type' => 'string',
					'enum' => array( 'approved', 'pending', 'none' ),
				),
				'images'            => array( 'type' => 'boolean' ),
				'featuredImage'     => array( 'type' => 'boolean' ),
				'categories'        => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'properties'           => array(
						'mode'     => array(
							'type' => 'string',
							'enum' => array( 'categories', 'tags', 'single' ),
						),
						'category' => array(
							'type'    => 'integer',
							'minimum' => 0,
						),
					),
				),
				'originalPostBlock' => array( 'type' => 'boolean' ),
				'existing'          => array(
					'type' => 'string',
					'enum' => array( 'skip', 'update' ),
				),
				'liveWriterDrafts'  => array(
					'description' => __( 'Drafts from Windows Live Writer: imported as drafts, or skipped.', 'spaces-importer' ),
					'type'        => 'string',
					'enum'        => array( 'draft', 'skip' ),
				),
				'imageSizes'        => array(
					'description' => __( 'Who makes the images’ smaller sizes: the client, when it can, or always the server.', 'spaces-importer' ),
					'type'        => 'string',
					'enum'        => array( 'client', 'server' ),
				),
			),
		);
	}

	/**
	 * Fills in what the owner left out.
	 *
	 * @param array $options   Options as sent (already valid against the schema).
	 * @param int   $author_id The default author.
	 * @return array Complete options.
	 */
	public static function with_defaults( array $options, $author_id ) {
		$defaults   = array(
			'author'            => (int) $author_id,
			'status'            => 'publish',
			'comments'          => 'approved',
			'images'            => true,
			'featuredImage'     => true,
			'categories'        => array(),
			'originalPostBlock' => false,
			'existing'          => 'skip',
			'liveWriterDrafts'  => 'draft',
			'imageSizes'        => 'client',
		);
		$options    = array_merge( $defaults, array_intersect_key( $options, $defaults ) );
		$categories = is_array( $options['categories'] ) ? $options['categories'] : array();

		$options['author']     = (int) $options['author'];
		$options['categories'] = array(
			'mode'     => isset( $categories['mode'] ) ? (string) $categories['mode'] : 'categories',
			'category' => isset( $categories['category'] ) ? (int) $categories['category'] : 0,
		);
		foreach ( array( 'images', 'featuredImage', 'originalPostBlock' ) as $flag ) {
			$options[ $flag ] = (bool) $options[ $flag ];
		}
		return $options;
	}

	/**
	 * Whether the current user may make these choices, asking what WordPress itself would ask.
	 *
	 * @param array $options Complete options.
	 * @return true|\WP_Error A 403 error naming what is not allowed.
	 */
	public static function check_capabilities( array $options ) {
		if ( get_current_user_id() !== $options['author'] && ! current_user_can( 'edit_others_posts' ) ) {
			return REST\Permissions::forbidden( 'spaces_importer_cannot_assign_author', __( 'Sorry, you are not allowed to import posts as another user.', 'spaces-importer' ) );
		}
		if ( in_array( $options['status'], array( 'publish', 'private' ), true ) && ! current_user_can( 'publish_posts' ) ) {
			return REST\Permissions::forbidden( 'spaces_importer_cannot_publish', __( 'Sorry, you are not allowed to publish posts on this site.', 'spaces-importer' ) );
		}
		if ( 'approved' === $options['comments'] && ! current_user_can( 'moderate_comments' ) ) {
			return REST\Permissions::forbidden( 'spaces_importer_cannot_approve_comments', __( 'Sorry, you are not allowed to approve comments on this site. Import comments as pending instead.', 'spaces-importer' ) );
		}
		if ( $options['images'] && ! current_user_can( 'upload_files' ) ) {
			return REST\Permissions::forbidden( 'spaces_importer_cannot_upload', __( 'Sorry, you are not allowed to upload files to this site. Import without images instead.', 'spaces-importer' ) );
		}
		return true;
	}

	/**
	 * Whether the choices name things that exist: the author, the single category.
	 *
	 * @param array $options Complete options.
	 * @return true|\WP_Error A 400 error.
	 */
	public static function check_references( array $options ) {
		$author = get_userdata( $options['author'] );
		if ( ! $author || ! $author->has_cap( 'edit_posts' ) ) {
			return self::invalid( 'author', __( 'The chosen author does not exist or may not write posts.', 'spaces-importer' ) );
		}
		if ( 'single' === $options['categories']['mode'] ) {
			$term = get_term( $options['categories']['category'], 'category' );
			if ( ! $term || is_wp_error( $term ) ) {
				return self::invalid( 'categories', __( 'The chosen category does not exist.', 'spaces-importer' ) );
			}
		}
		return true;
	}

	/**
	 * A 400 error about one option, shaped like WordPress's own invalid-parameter errors.
	 *
	 * @param string $option  Which option.
	 * @param string $message Message for people.
	 * @return \WP_Error
	 */
	private static function invalid( $option, $message ) {
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: %s: what is wrong with the option. */
			sprintf( __( 'Invalid parameter(s): options (%s)', 'spaces-importer' ), $message ),
			array(
				'status' => 400,
				'params' => array( 'options' => $message ),
				'option' => $option,
			)
		);
	}
}
