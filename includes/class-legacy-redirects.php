<?php
/**
 * Old Spaces addresses, answered with the imported post.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * A request on this site for a Spaces entry path (`/blog/cns!…!N.entry`,
 * `/members/<name>/Blog/cns!…!N.entry`, with `%21` for `!`, in any case) is
 * answered with a permanent redirect to the post imported from that entry.
 * Owners who point their old domain here keep their links working.
 */
class Legacy_Redirects {

	/**
	 * The path of a Spaces entry, after the site's own path.
	 */
	const PATTERN = '#^/?(?:members/[^/]+/)?blog/cns!([0-9a-z_-]{1,64})!(\d{1,10})\.entry/?$#i';

	/**
	 * Hooks in before WordPress queries for the path and finds nothing.
	 */
	public function register() {
		add_action( 'parse_request', array( $this, 'maybe_redirect' ), 1 );
	}

	/**
	 * Redirects a request for a Spaces entry that was imported; leaves every other request alone.
	 */
	public function maybe_redirect() {
		if ( ! isset( $_SERVER['REQUEST_URI'] ) ) {
			return;
		}
		$target = $this->target_for( wp_unslash( $_SERVER['REQUEST_URI'] ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- matched against a strict pattern.
		if ( $target && wp_safe_redirect( $target, 301, 'Spaces Importer' ) ) {
			exit;
		}
	}

	/**
	 * Where a request URI should go.
	 *
	 * @param string $request_uri The request's URI.
	 * @return string|null The post's address, or null when this is no imported Spaces entry.
	 */
	public function target_for( $request_uri ) {
		$path = rawurldecode( (string) wp_parse_url( $request_uri, PHP_URL_PATH ) );
		$home = (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH );
		if ( '' !== $home && '/' !== $home && 0 === stripos( $path, untrailingslashit( $home ) ) ) {
			$path = substr( $path, strlen( untrailingslashit( $home ) ) );
		}
		if ( ! preg_match( self::PATTERN, $path, $match ) ) {
			return null;
		}
		$found = Item_Meta::posts_by_source_ids( array( self::source_id( $match[1], $match[2] ) ) );
		$post  = $found ? get_post( reset( $found ) ) : null;
		if ( ! $post || ! is_post_publicly_viewable( $post ) ) {
			return null;
		}
		return get_permalink( $post );
	}

	/**
	 * The item id as the importer stores it.
	 *
	 * Hexadecimal space ids appear in both cases and are stored in upper case;
	 * older base64-like ids are case sensitive and are kept as written.
	 *
	 * @param string $cid    The space's id.
	 * @param string $number The item's number.
	 * @return string
	 */
	public static function source_id( $cid, $number ) {
		if ( preg_match( '/^[0-9a-f]{15,16}$/i', $cid ) ) {
			$cid = strtoupper( $cid );
		}
		return 'cns!' . $cid . '!' . (int) $number;
	}
}
