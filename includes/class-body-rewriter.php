<?php
/**
 * Points addresses in a post body somewhere else.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Rewrites `src` and `href` attributes whose value is exactly a known address.
 *
 * WordPress's HTML tag processor reads attributes as a browser would (entities
 * decoded, any quoting), so the archive's references match however they were
 * written; text and every other attribute stay byte for byte as they were.
 */
final class Body_Rewriter {

	/**
	 * Replaces addresses in attributes.
	 *
	 * @param string                $html       The body.
	 * @param array<string,string>  $map        New address by old address.
	 * @param string[]              $attributes Attributes to look at.
	 * @return string The body, rewritten.
	 */
	public static function replace( $html, array $map, array $attributes = array( 'src', 'href' ) ) {
		if ( ! $map || '' === $html ) {
			return $html;
		}
		$processor = new \WP_HTML_Tag_Processor( $html );
		while ( $processor->next_tag() ) {
			foreach ( $attributes as $attribute ) {
				$value = $processor->get_attribute( $attribute );
				if ( is_string( $value ) && isset( $map[ $value ] ) ) {
					$processor->set_attribute( $attribute, $map[ $value ] );
				}
			}
		}
		return $processor->get_updated_html();
	}
}
