<?php
/**
 * The block that credits a post's first home.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * `spaces-importer/original-post`: "Originally published on Windows Live Spaces
 * on <date>", linking to the Wayback Machine's copy of the original address,
 * since Spaces itself is gone.
 */
class Original_Post_Block {

	/**
	 * Registers the block from its block.json.
	 */
	public function register() {
		$block = register_block_type( SPACES_IMPORTER_DIR );
		if ( ! $block ) {
			return;
		}
		foreach ( $block->editor_script_handles as $handle ) {
			wp_set_script_translations( $handle, 'spaces-importer', SPACES_IMPORTER_DIR . 'languages' );
		}
	}

	/**
	 * The block's markup for a post.
	 *
	 * @param int    $post_id            The post.
	 * @param string $wrapper_attributes The block wrapper's attributes.
	 * @return string Nothing when the post did not come from Spaces.
	 */
	public static function render( $post_id, $wrapper_attributes ) {
		$post = $post_id ? get_post( $post_id ) : null;
		$url  = $post ? (string) get_post_meta( $post->ID, Item_Meta::ORIGINAL_URL, true ) : '';
		if ( ! $post || '' === $url ) {
			return '';
		}
		$archived = 'https://web.archive.org/web/' . get_post_time( 'Ymd', true, $post ) . '/' . $url;
		$date     = sprintf(
			'<time datetime="%1$s">%2$s</time>',
			esc_attr( get_post_time( 'c', true, $post ) ),
			esc_html( get_the_date( '', $post ) )
		);
		return sprintf(
			'<p %1$s><a href="%2$s">%3$s</a></p>',
			$wrapper_attributes,
			esc_url( $archived ),
			sprintf(
				/* translators: %s: the date the post was first published. */
				esc_html__( 'Originally published on Windows Live Spaces on %s', 'spaces-importer' ),
				$date
			)
		);
	}
}
