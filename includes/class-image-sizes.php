<?php
/**
 * Image sub-sizes made by the client, checked and stored as WordPress would store its own.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Making the registered sub-sizes of a photo is the heaviest work of an
 * upload. A client that can make them (the command line with sharp) is told
 * which sizes the site registers and how they are cropped; it sends them with
 * the original. Here each one is checked from its header alone (type and
 * dimensions, against what WordPress itself would make of this original),
 * written beside the original under WordPress's own name for it, and the
 * attachment metadata written as `wp_generate_attachment_metadata()` would
 * write it, without decoding the photo. Whatever WordPress would do beyond
 * resizing (scaling a big image down, turning it by its EXIF orientation,
 * converting its format) is left to WordPress: such an image gets its sizes
 * made on the server at finalize, as every image did before.
 */
final class Image_Sizes {

	/**
	 * Types whose sub-sizes a client may make.
	 */
	const CLIENT_TYPES = array( 'image/jpeg', 'image/png', 'image/webp' );

	/**
	 * The order WordPress makes sizes in (`_wp_make_subsizes()`), which is
	 * the order of the `sizes` metadata.
	 */
	const PRIORITY = array( 'medium', 'large', 'thumbnail', 'medium_large' );

	/**
	 * What a client needs to make the sizes: the registered sizes with their
	 * crop rules, the big-image threshold, the output quality and format per
	 * type. Null when the run leaves the sizes to the server.
	 *
	 * @param array $options The run's options.
	 * @return array|null
	 */
	public static function settings( array $options ) {
		if ( isset( $options['imageSizes'] ) && 'server' === $options['imageSizes'] ) {
			return null;
		}
		$sizes = array();
		foreach ( self::registered() as $name => $size ) {
			$sizes[] = array(
				'name'   => (string) $name,
				'width'  => (int) $size['width'],
				'height' => (int) $size['height'],
				'crop'   => self::crop_rule( $size['crop'] ),
			);
		}
		$quality = array();
		$formats = array();
		foreach ( self::CLIENT_TYPES as $mime ) {
			$quality[ $mime ] = self::quality( $mime );
			$output           = wp_get_image_editor_output_format( '', $mime );
			if ( is_array( $output ) && isset( $output[ $mime ] ) && $output[ $mime ] !== $mime ) {
				$formats[ $mime ] = (string) $output[ $mime ];
			}
		}
		return array(
			'sizes'             => $sizes,
			/** This filter is documented in wp-admin/includes/image.php */
			'bigImageThreshold' => (int) apply_filters( 'big_image_size_threshold', 2560, array( 0, 0 ), '', 0 ),
			'quality'           => $quality,
			'outputFormats'     => (object) $formats,
			'types'             => array_values( array_intersect( self::CLIENT_TYPES, Media_Type_Check::allowed_types() ) ),
		);
	}

	/**
	 * The sizes WordPress makes for new images, in the order it makes them.
	 *
	 * @return array Name → `{ width, height, crop }`.
	 */
	private static function registered() {
		$sizes    = wp_get_registered_image_subsizes();
		$priority = array_fill_keys( self::PRIORITY, null );
		return array_filter( array_merge( $priority, $sizes ) );
	}

	/**
	 * A crop rule as JSON: false, true, or `[ x, y ]` positions.
	 *
	 * @param mixed $crop The size's `crop`.
	 * @return bool|string[]
	 */
	private static function crop_rule( $crop ) {
		if ( is_array( $crop ) && 2 === count( $crop ) ) {
			return array_map( 'strval', array_values( $crop ) );
		}
		return (bool) $crop;
	}

	/**
	 * The quality WordPress's image editor saves a type with.
	 *
	 * @param string $mime The type.
	 * @return int 1–100.
	 */
	private static function quality( $mime ) {
		$quality = 'image/webp' === $mime ? 86 : 82;
		/** This filter is documented in wp-includes/class-wp-image-editor.php */
		$quality = apply_filters( 'wp_editor_set_quality', $quality, $mime, array() );
		if ( 'image/jpeg' === $mime ) {
			/** This filter is documented in wp-includes/class-wp-image-editor.php */
			$quality = apply_filters( 'jpeg_quality', $quality, 'image_resize' );
		}
		return max( 1, min( 100, (int) $quality ) );
	}

	/**
	 * What WordPress would make of this original: the sizes (name, width,
	 * height) it would resize to, or null when it would do more than resize
	 * (a big image scaled down, one turned by its EXIF orientation, one
	 * converted to another type) and must make them itself.
	 *
	 * Only headers are read (dimensions, EXIF), never the pixels.
	 *
	 * @param string $file          The original (the uploaded temporary file).
	 * @param string $mime          Its type.
	 * @param int    $attachment_id The attachment (0 before it is inserted).
	 * @return array|null `{ meta: the metadata without sizes, sizes: name → { width, height } }`.
	 */
	public static function plan( $file, $mime, $attachment_id ) {
		if ( ! in_array( $mime, self::CLIENT_TYPES, true ) ) {
			return null;
		}
		require_once ABSPATH . 'wp-admin/includes/image.php';
		$imagesize = wp_getimagesize( $file );
		if ( empty( $imagesize ) || $imagesize['mime'] !== $mime ) {
			return null;
		}
		$width  = (int) $imagesize[0];
		$height = (int) $imagesize[1];
		/** This filter is documented in wp-admin/includes/image.php */
		$threshold = (int) apply_filters( 'big_image_size_threshold', 2560, $imagesize, $file, $attachment_id );
		if ( $threshold && ( $width > $threshold || $height > $threshold ) ) {
			return null;
		}
		$output = wp_get_image_editor_output_format( $file, $mime );
		if ( is_array( $output ) && isset( $output[ $mime ] ) && $output[ $mime ] !== $mime ) {
			return null;
		}
		$image_meta = wp_read_image_metadata( $file );
		if ( ! empty( $image_meta['orientation'] ) && 1 !== (int) $image_meta['orientation'] ) {
			return null;
		}
		$meta = array(
			'width'    => $width,
			'height'   => $height,
			'file'     => '',
			'filesize' => wp_filesize( $file ),
			'sizes'    => array(),
		);
		if ( $image_meta ) {
			$meta['image_meta'] = $image_meta;
		}
		/** This filter is documented in wp-admin/includes/image.php */
		$sizes    = apply_filters( 'intermediate_image_sizes_advanced', wp_get_registered_image_subsizes(), $meta, $attachment_id );
		$sizes    = array_filter( array_merge( array_fill_keys( self::PRIORITY, null ), (array) $sizes ) );
		$expected = array();
		foreach ( $sizes as $name => $size ) {
			$size = wp_parse_args(
				(array) $size,
				array(
					'width'  => 0,
					'height' => 0,
					'crop'   => false,
				)
			);
			$dims = image_resize_dimensions( $width, $height, (int) $size['width'], (int) $size['height'], $size['crop'] );
			if ( $dims ) {
				$expected[ (string) $name ] = array(
					'width'  => (int) $dims[4],
					'height' => (int) $dims[5],
				);
			}
		}
		return array(
			'meta'  => $meta,
			'sizes' => $expected,
		);
	}

	/**
	 * Checks the sizes a client sent against the plan, from their headers.
	 *
	 * @param array  $plan  What WordPress would make (`plan()`).
	 * @param string $mime  The original's type, which every size must have.
	 * @param array  $sent  Name → `{ width, height, tmp }` (the uploaded file).
	 * @return true|\WP_Error A 400 error naming the size and what is wrong with it.
	 */
	public static function check( array $plan, $mime, array $sent ) {
		foreach ( $plan['sizes'] as $name => $dims ) {
			if ( ! isset( $sent[ $name ] ) ) {
				return self::refuse(
					/* translators: %s: an image size's name, such as thumbnail. */
					sprintf( __( 'The "%s" image size is missing.', 'spaces-importer' ), $name )
				);
			}
		}
		foreach ( $sent as $name => $size ) {
			if ( ! isset( $plan['sizes'][ $name ] ) ) {
				return self::refuse(
					/* translators: %s: an image size's name, such as thumbnail. */
					sprintf( __( 'WordPress makes no "%s" size of this image.', 'spaces-importer' ), $name )
				);
			}
			$want      = $plan['sizes'][ $name ];
			$imagesize = is_file( $size['tmp'] ) ? wp_getimagesize( $size['tmp'] ) : false;
			if ( empty( $imagesize ) || $imagesize['mime'] !== $mime || wp_get_image_mime( $size['tmp'] ) !== $mime ) {
				return self::refuse(
					/* translators: 1: an image size's name, such as thumbnail; 2: a type, such as image/jpeg. */
					sprintf( __( 'The "%1$s" image size is not an image of type %2$s.', 'spaces-importer' ), $name, $mime )
				);
			}
			if ( (int) $imagesize[0] !== $want['width'] || (int) $imagesize[1] !== $want['height']
				|| (int) $size['width'] !== $want['width'] || (int) $size['height'] !== $want['height'] ) {
				return self::refuse(
					sprintf(
						/* translators: 1: an image size's name; 2, 3: its width and height in pixels; 4, 5: the width and height it should have. */
						__( 'The "%1$s" image size is %2$d×%3$d pixels; WordPress makes it %4$d×%5$d.', 'spaces-importer' ),
						$name,
						(int) $imagesize[0],
						(int) $imagesize[1],
						$want['width'],
						$want['height']
					)
				);
			}
		}
		return true;
	}

	/**
	 * Writes the checked sizes beside the original under WordPress's names
	 * (`name-WxH.ext`), and returns the attachment metadata.
	 *
	 * @param array  $plan The plan, its sizes checked.
	 * @param string $file The original in the uploads folder.
	 * @param string $mime The type.
	 * @param array  $sent Name → `{ tmp }`.
	 * @return array|\WP_Error The metadata, or a 500 error (nothing left behind).
	 */
	public static function write( array $plan, $file, $mime, array $sent ) {
		$meta    = $plan['meta'];
		$info    = pathinfo( $file );
		$ext     = strtolower( $info['extension'] );
		$written = array();
		$meta['file']     = _wp_relative_upload_path( $file );
		$meta['filesize'] = wp_filesize( $file );
		foreach ( $plan['sizes'] as $name => $dims ) {
			$target = trailingslashit( $info['dirname'] ) . $info['filename'] . '-' . $dims['width'] . 'x' . $dims['height'] . '.' . $ext;
			if ( ! in_array( $target, $written, true ) ) {
				// Two sizes of the same dimensions share a file, as with WordPress.
				$handle = @fopen( $target, 'x' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
				if ( ! $handle || ! fclose( $handle ) || ! @copy( $sent[ $name ]['tmp'], $target ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
					foreach ( $written as $done ) {
						wp_delete_file( $done );
					}
					if ( $handle ) {
						wp_delete_file( $target );
					}
					return new \WP_Error(
						'spaces_importer_write_failed',
						__( 'An image size could not be written to the uploads folder.', 'spaces-importer' ),
						array( 'status' => 500 )
					);
				}
				$stat = stat( dirname( $target ) );
				chmod( $target, $stat['mode'] & 0000666 ); // phpcs:ignore WordPress.WP.AlternativeFunctions
				$written[] = $target;
			}
			$meta['sizes'][ $name ] = array(
				'file'      => wp_basename( $target ),
				'width'     => $dims['width'],
				'height'    => $dims['height'],
				'mime-type' => $mime,
				'filesize'  => wp_filesize( $target ),
			);
		}
		return $meta;
	}

	/**
	 * A refused size.
	 *
	 * @param string $message What is wrong.
	 * @return \WP_Error
	 */
	private static function refuse( $message ) {
		return new \WP_Error( 'spaces_importer_bad_image_size', $message, array( 'status' => 400 ) );
	}
}
