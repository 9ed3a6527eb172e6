<?php
/**
 * The schema of a run as the REST API answers it.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Run_Options;
use SpacesImporter\Run_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Shared by every route that answers a run.
 */
final class Run_Schema {

	/**
	 * The run's schema.
	 *
	 * @return array
	 */
	public static function get() {
		$count    = array( 'type' => 'integer' );
		$progress = array(
			'type'       => 'object',
			'properties' => array( 'remaining' => $count ),
		);
		$options  = Run_Options::schema();
		unset( $options['default'] );
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'spaces-import-run',
			'type'       => 'object',
			'properties' => array(
				'id'            => $count,
				'fingerprint'   => array( 'type' => 'string' ),
				'name'          => array( 'type' => 'string' ),
				'state'         => array(
					'type' => 'string',
					'enum' => array( Run_Store::STATE_RUNNING, Run_Store::STATE_COMPLETE, Run_Store::STATE_UNDONE ),
				),
				'created'       => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'totals'        => array( 'type' => 'object' ),
				'options'       => $options,
				'importedPosts' => $count,
				'counts'        => array(
					'type'       => 'object',
					'properties' => array(
						'posts'    => array( 'type' => 'object' ),
						'comments' => array( 'type' => 'object' ),
						'media'    => array( 'type' => 'object' ),
					),
				),
				'failures'      => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'kind'     => array(
								'type' => 'string',
								'enum' => array( 'post', 'media' ),
							),
							'sourceId' => array( 'type' => 'string' ),
							'message'  => array( 'type' => 'string' ),
						),
					),
				),
				'limits'        => array(
					'type'       => 'object',
					'properties' => array(
						'postsPerRequest'       => $count,
						'mediaFilesPerRequest'  => $count,
						'maxCommentsPerRequest' => $count,
						'maxRequestBytes'       => $count,
						'maxPostBytes'          => $count,
						'maxCommentBytes'       => $count,
						'maxUploadBytes'        => $count,
						'allowedTypes'          => array(
							'type'  => 'array',
							'items' => array( 'type' => 'string' ),
						),
					),
				),
				'imageSizes'    => array(
					'description' => __( 'The image sizes a client makes, with the original; null when the server makes them.', 'spaces-importer' ),
					'type'        => array( 'object', 'null' ),
					'properties'  => array(
						'sizes'             => array(
							'type'  => 'array',
							'items' => array(
								'type'       => 'object',
								'properties' => array(
									'name'   => array( 'type' => 'string' ),
									'width'  => $count,
									'height' => $count,
									'crop'   => array( 'type' => array( 'boolean', 'array' ) ),
								),
							),
						),
						'bigImageThreshold' => $count,
						'quality'           => array( 'type' => 'object' ),
						'outputFormats'     => array( 'type' => 'object' ),
						'types'             => array(
							'type'  => 'array',
							'items' => array( 'type' => 'string' ),
						),
					),
				),
				'resumed'       => array( 'type' => 'boolean' ),
				'finalize'      => $progress,
				'undo'          => $progress,
			),
		);
	}
}
