<?php
/**
 * Which files the importer accepts, decided from their bytes.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * An archive's images and videos are untrusted: the name and the claimed type
 * say nothing. Only image and video types recognized from the content, and
 * allowed for the user, are accepted, and the file gets the extension of what
 * it really is.
 */
final class Media_Type_Check {

	/**
	 * Video types recognized from their first bytes (the archive's `.mp4`,
	 * `.wmv`, `.avi`, `.flv`, `.webm`).
	 */
	const VIDEO_TYPES = array( 'video/mp4', 'video/quicktime', 'video/x-ms-wmv', 'video/avi', 'video/x-flv', 'video/webm' );

	/**
	 * The image and video types the current user may upload.
	 *
	 * @return string[] MIME types.
	 */
	public static function allowed_types() {
		$types = array();
		foreach ( get_allowed_mime_types() as $mime ) {
			// SVG is a document that can carry scripts, not a raster image.
			if ( ( 0 === strpos( $mime, 'image/' ) && false === strpos( $mime, 'svg' ) ) || in_array( $mime, self::VIDEO_TYPES, true ) ) {
				$types[] = $mime;
			}
		}
		return array_values( array_unique( $types ) );
	}

	/**
	 * The video type of a file, from its first bytes.
	 *
	 * @param string $file Path of the file.
	 * @return string|false A MIME type of VIDEO_TYPES, or false.
	 */
	public static function video_mime( $file ) {
		$handle = fopen( $file, 'rb' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen
		if ( ! $handle ) {
			return false;
		}
		$head = (string) fread( $handle, 16 ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fread
		fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose
		if ( 'ftyp' === substr( $head, 4, 4 ) ) {
			return 'qt  ' === substr( $head, 8, 4 ) ? 'video/quicktime' : 'video/mp4';
		}
		if ( "\x30\x26\xb2\x75\x8e\x66\xcf\x11" === substr( $head, 0, 8 ) ) {
			return 'video/x-ms-wmv';
		}
		if ( 'RIFF' === substr( $head, 0, 4 ) && 'AVI ' === substr( $head, 8, 4 ) ) {
			return 'video/avi';
		}
		if ( "FLV\x01" === substr( $head, 0, 4 ) ) {
			return 'video/x-flv';
		}
		if ( "\x1a\x45\xdf\xa3" === substr( $head, 0, 4 ) ) {
			return 'video/webm';
		}
		return false;
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
		if ( ! $mime ) {
			$mime = self::video_mime( $file );
		}
		if ( ! $mime || ! in_array( $mime, self::allowed_types(), true ) ) {
			return new \WP_Error(
				'spaces_importer_unsupported_type',
				__( 'This file is not an image or video type this site accepts, whatever its name says. It was not saved.', 'spaces-importer' ),
				array( 'status' => 400 )
			);
		}
		$extensions = array_search( $mime, get_allowed_mime_types(), true );
		$extension  = strtok( (string) $extensions, '|' );
		$base       = sanitize_file_name( pathinfo( wp_basename( $name_hint ), PATHINFO_FILENAME ) );
		if ( '' === $base ) {
			$base = 0 === strpos( $mime, 'video/' ) ? 'video' : 'image';
		}
		$name = $base . '.' . $extension;

		// WordPress's own check must agree with the sniffed type.
		$checked = wp_check_filetype_and_ext( $file, $name );
		if ( $mime !== $checked['type'] ) {
			return new \WP_Error(
				'spaces_importer_unsupported_type',
				__( 'This file’s content does not match an image or video type this site accepts. It was not saved.', 'spaces-importer' ),
				array( 'status' => 400 )
			);
		}
		return array(
			'type' => $mime,
			'name' => $checked['proper_filename'] ? $checked['proper_filename'] : $name,
		);
	}
}
