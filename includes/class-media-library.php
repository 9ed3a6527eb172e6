<?php
/**
 * The archive's images in the media library, one attachment per distinct content.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Stores uploaded images and finds them again by the SHA-256 of their bytes,
 * so a resumed or repeated import never stores the same file twice.
 */
class Media_Library {

	/**
	 * Attachments already holding these contents that the current user may
	 * edit (another user's file is theirs: this user stores their own copy).
	 *
	 * @param string[] $hashes SHA-256 hex digests.
	 * @return array<string,array> `{ attachmentId, url }` by hash.
	 */
	public function find_by_hashes( array $hashes ) {
		$hashes = array_values( array_unique( array_map( 'strtolower', $hashes ) ) );
		if ( ! $hashes ) {
			return array();
		}
		$found = array();
		foreach ( Item_Meta::attachments_by_hashes( $hashes ) as $hash => $ids ) {
			foreach ( $ids as $id ) {
				$url = current_user_can( 'edit_post', $id ) ? wp_get_attachment_url( $id ) : false;
				if ( $url ) {
					$found[ $hash ] = array(
						'attachmentId' => $id,
						'url'          => $url,
					);
					break;
				}
			}
		}
		return $found;
	}

	/**
	 * Stores one uploaded file, unless the library already holds its contents.
	 *
	 * @param array  $file      The upload (`tmp_name`, `name`), as PHP received it.
	 * @param string $path      The file's path inside the archive; only a name hint and a record.
	 * @param string $sha256    The hash the client computed.
	 * @param string $month     Upload folder month, `YYYY-MM`, or ''.
	 * @param int    $run_id    The run.
	 * @param int    $author_id The attachment's owner.
	 * @param array  $sizes     Sub-sizes the client made: name → `{ width, height, tmp }`
	 *                          (checked by `Image_Sizes`); null to leave them to the server.
	 * @return array|\WP_Error `{ attachmentId, url, status, sizes }`; `sizes` says who
	 *                         made the sub-sizes of a created image: `client` or `server`.
	 */
	public function store( array $file, $path, $sha256, $month, $run_id, $author_id, $sizes = null ) {
		$tmp = isset( $file['tmp_name'] ) ? (string) $file['tmp_name'] : '';
		if ( '' === $tmp || ! is_file( $tmp ) || ( isset( $file['error'] ) && UPLOAD_ERR_OK !== (int) $file['error'] ) ) {
			return new \WP_Error( 'spaces_importer_no_file', __( 'No file arrived. The server may limit the size of requests.', 'spaces-importer' ), array( 'status' => 400 ) );
		}
		$size = (int) filesize( $tmp );
		// On a network, the site's upload quota is part of wp_max_upload_size(): say which limit it is.
		$quota = Upload_Quota::check( $size );
		if ( is_wp_error( $quota ) ) {
			return $quota;
		}
		if ( $size > wp_max_upload_size() ) {
			return new \WP_Error(
				'spaces_importer_file_too_large',
				/* translators: %s: the largest size, such as 64 MB. */
				sprintf( __( 'This file is larger than this site accepts (%s).', 'spaces-importer' ), size_format( wp_max_upload_size() ) ),
				array( 'status' => 413 )
			);
		}
		$sha256 = strtolower( $sha256 );
		if ( ! hash_equals( $sha256, hash_file( 'sha256', $tmp ) ) ) {
			return new \WP_Error( 'spaces_importer_hash_mismatch', __( 'The file does not match its SHA-256: it was damaged on the way. Send it again.', 'spaces-importer' ), array( 'status' => 400 ) );
		}

		$found = $this->find_by_hashes( array( $sha256 ) );
		if ( isset( $found[ $sha256 ] ) ) {
			return $found[ $sha256 ] + array( 'status' => 'existing' );
		}

		$hint  = ( isset( $file['name'] ) && '' !== $file['name'] ) ? $file['name'] : $path;
		$check = Media_Type_Check::check( $tmp, $hint );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		// The client's sizes are checked from their headers before anything is written.
		$plan = null;
		if ( null !== $sizes ) {
			$plan = Image_Sizes::plan( $tmp, $check['type'], 0 );
			if ( $plan ) {
				$sized = Image_Sizes::check( $plan, $check['type'], $sizes );
				if ( is_wp_error( $sized ) ) {
					return $sized;
				}
			}
		}
		$time    = preg_match( '/^(\d{4})-(\d{2})$/', $month, $parts ) ? $parts[1] . '/' . $parts[2] : null;
		$written = $this->write_file( $tmp, $check['name'], $time );
		if ( is_wp_error( $written ) ) {
			return $written;
		}
		// The space a site uses is cached; this file counts from now on.
		clean_dirsize_cache( $written['file'] );
		$metadata = null;
		if ( $plan ) {
			$metadata = Image_Sizes::write( $plan, $written['file'], $check['type'], $sizes );
			if ( is_wp_error( $metadata ) ) {
				wp_delete_file( $written['file'] );
				return $metadata;
			}
		}
		$meta = array(
			Item_Meta::SHA256       => $sha256,
			Item_Meta::ARCHIVE_PATH => sanitize_text_field( $path ),
			Item_Meta::RUN          => (int) $run_id,
		);
		if ( ! $metadata ) {
			// WordPress makes the sizes at finalize.
			$meta[ Item_Meta::NEEDS_METADATA ] = 1;
		}

		$size_files = $metadata ? wp_list_pluck( $metadata['sizes'], 'file' ) : array();
		// The attachment and its meta are one transaction: one commit
		// instead of one per row, and nothing half-written on a failure.
		Post_Writer::begin_transaction();
		// A trashed post named like the file keeps its name: the attachment
		// takes the next free one, without a posts query per file to rename it.
		add_filter( 'add_trashed_suffix_to_trashed_posts', '__return_false' );
		$attachment_id = wp_insert_attachment(
			array(
				'post_mime_type' => $check['type'],
				'guid'           => $written['url'],
				'post_title'     => sanitize_text_field( pathinfo( $check['name'], PATHINFO_FILENAME ) ),
				'post_content'   => '',
				'post_status'    => 'inherit',
				'post_author'    => (int) $author_id,
			),
			$written['file'],
			0,
			true
		);
		remove_filter( 'add_trashed_suffix_to_trashed_posts', '__return_false' );
		if ( ! is_wp_error( $attachment_id ) ) {
			if ( $metadata ) {
				/** This filter is documented in wp-admin/includes/image.php */
				$metadata = apply_filters( 'wp_generate_attachment_metadata', $metadata, $attachment_id, 'create' );
				/** This filter is documented in wp-includes/post.php (wp_update_attachment_metadata()). */
				$metadata = apply_filters( 'wp_update_attachment_metadata', $metadata, $attachment_id );
				if ( $metadata ) {
					$meta['_wp_attachment_metadata'] = $metadata;
				}
			}
			// The plugin's keys and the metadata in one statement.
			Item_Meta::add_new( $attachment_id, $meta );
		}
		if ( Post_Writer::transaction_failed() ) {
			Post_Writer::rollback();
			if ( ! is_wp_error( $attachment_id ) ) {
				clean_post_cache( $attachment_id );
			}
			$attachment_id = new \WP_Error( 'spaces_importer_write_failed', __( 'The database could not record this file. Nothing of it was kept; send it again.', 'spaces-importer' ) );
		} else {
			Post_Writer::commit();
		}
		if ( is_wp_error( $attachment_id ) ) {
			wp_delete_file( $written['file'] );
			foreach ( $size_files as $size_file ) {
				wp_delete_file( path_join( dirname( $written['file'] ), $size_file ) );
			}
			$attachment_id->add_data( array( 'status' => 500 ) );
			return $attachment_id;
		}
		return array(
			'attachmentId' => (int) $attachment_id,
			'url'          => wp_get_attachment_url( $attachment_id ),
			'status'       => 'created',
			'sizes'        => $metadata ? 'client' : 'server',
		);
	}

	/**
	 * Copies the file into the uploads folder of its month under a name no one else holds.
	 *
	 * @param string      $tmp  The uploaded temporary file.
	 * @param string      $name Safe file name.
	 * @param string|null $time `YYYY/MM`, or null for the current month.
	 * @return array|\WP_Error `{ file, url }`.
	 */
	private function write_file( $tmp, $name, $time ) {
		$uploads = wp_upload_dir( $time, false );
		if ( ! empty( $uploads['error'] ) ) {
			return new \WP_Error( 'spaces_importer_upload_dir', $uploads['error'], array( 'status' => 500 ) );
		}
		// Parallel first uploads of a month race to create its folder: the
		// loser's mkdir fails although the folder now exists, which is fine.
		if ( ! wp_mkdir_p( $uploads['path'] ) && ! is_dir( $uploads['path'] ) ) {
			return new \WP_Error(
				'spaces_importer_upload_dir',
				__( 'The uploads folder could not be created. Check that WordPress may write to it.', 'spaces-importer' ),
				array( 'status' => 500 )
			);
		}
		// Claiming the name with an exclusive create makes two parallel uploads
		// of the same name end as two files rather than one overwriting the other.
		for ( $attempt = 0; $attempt < 10; $attempt++ ) {
			$unique = wp_unique_filename( $uploads['path'], $name );
			$target = trailingslashit( $uploads['path'] ) . $unique;
			$handle = @fopen( $target, 'x' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
			if ( $handle ) {
				fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions
				break;
			}
			$target = '';
		}
		if ( '' === $target || ! @copy( $tmp, $target ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors
			if ( '' !== $target ) {
				wp_delete_file( $target );
			}
			return new \WP_Error(
				'spaces_importer_write_failed',
				__( 'The file could not be written to the uploads folder.', 'spaces-importer' ),
				array( 'status' => 500 )
			);
		}
		// The same permissions WordPress gives its own uploads.
		$stat = stat( dirname( $target ) );
		chmod( $target, $stat['mode'] & 0000666 ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		return array(
			'file' => $target,
			'url'  => trailingslashit( $uploads['url'] ) . wp_basename( $target ),
		);
	}
}
