<?php
/**
 * Which files the importer accepts, decided from their bytes.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * An archive's images are untrusted: the name and the claimed type say nothing.
 * Only image types WordPress recognizes from the content, and allows for the
 * user, are accepted, and the file gets the extension of what it really is.
 */
final class Media_Type_Check {

	/**
	 * The image types the current user may upload.
	 *
	 * @return string[] MIME types.
	 */
	public static function allowed_types() {
		$types = array();
		foreach ( get_allowed_mime_types() as $mime ) {
			// SVG is a document that can carry scripts, not a raster image.
			if ( 0 === strpos( $mime, 'image/' ) && false === strpos( $mime, 'svg' ) ) {
				$types[] = $mime;
			}
		}
		return array_values( array_unique( $types ) );
	}

	/**
	 * Sniffs a file and names it by what it is.
	 *
	 * @param string $file      Path of the uploaded temporary file.
	 * @param string $name_hint The name the archive gave it.
	 * @return array|\WP_Error `[ 'type' => MIME, 'name' => safe file name ]`, or a 400 error.
	 */
	public static function check( $file, $name_hint ) {
		$mime = wp_get_image_mime( $file );
		if ( ! $mime || ! in_array( $mime, self::allowed_types(), true ) ) {
			return new \WP_Error(
				'spaces_importer_unsupported_type',
				__( 'This file is not an image type this site accepts, whatever its name says. It was not saved.', 'spaces-importer' ),
				array( 'status' => 400 )
			);
		}
		$extensions = array_search( $mime, get_allowed_mime_types(), true );
		$extension  = strtok( (string) $extensions, '|' );
		$base       = sanitize_file_name( pathinfo( wp_basename( $name_hint ), PATHINFO_FILENAME ) );
		if ( '' === $base ) {
			$base = 'image';
		}
		$name = $base . '.' . $extension;

		// WordPress's own check must agree with the sniffed type.
		$checked = wp_check_filetype_and_ext( $file, $name );
		if ( $mime !== $checked['type'] ) {
			return new \WP_Error(
				'spaces_importer_unsupported_type',
				__( 'This file’s content does not match an image type this site accepts. It was not saved.', 'spaces-importer' ),
				array( 'status' => 400 )
			);
		}
		return array(
			'type' => $mime,
			'name' => $checked['proper_filename'] ? $checked['proper_filename'] : $name,
		);
	}
}
