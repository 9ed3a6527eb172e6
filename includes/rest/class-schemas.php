<?php
/**
 * The schemas of the REST API's answers.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter\REST;

use SpacesImporter\Run_Options;
use SpacesImporter\Run_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Written once: the run (answered by the runs routes and finalize), and the
 * per-item results of the write routes (media batch, posts).
 */
final class Schemas {

	/**
	 * A JSON Schema of an answer: an object with these properties.
	 *
	 * @param string $title      The schema's title (the object type additional fields name).
	 * @param array  $properties Its properties.
	 * @return array
	 */
	public static function answer( $title, array $properties ) {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => $title,
			'type'       => 'object',
			'properties' => $properties,
		);
	}

	/**
	 * An answer of per-item results, `{ results: [ … ] }`, one result per
	 * item sent, in order: each with its `status` and, when it failed, a
	 * `message`.
	 *
	 * @param string   $title      The schema's title.
	 * @param string[] $statuses   The statuses a result may have.
	 * @param array    $properties The other properties of a result.
	 * @return array
	 */
	public static function results( $title, array $statuses, array $properties ) {
		$status = array(
			'status' => array(
				'type' => 'string',
				'enum' => $statuses,
			),
		);
		return self::answer(
			$title,
			array(
				'results' => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array_merge(
							$properties,
							$status,
							array( 'message' => array( 'type' => 'string' ) )
						),
					),
				),
			)
		);
	}

	/**
	 * The run's schema.
	 *
	 * @return array
	 */
	public static function run() {
		$count    = array( 'type' => 'integer' );
		$progress = array(
			'type'       => 'object',
			'properties' => array( 'remaining' => $count ),
		);
		$options  = Run_Options::schema();
		unset( $options['default'] );
		return self::answer(
			'spaces-import-run',
			array(
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
			)
		);
	}
}
