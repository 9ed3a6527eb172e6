<?php
/**
 * Server rendering of the `spaces-importer/original-post` block.
 *
 * @package SpacesImporter
 *
 * @var array     $attributes The block's attributes.
 * @var string    $content    The block's inner content.
 * @var \WP_Block $block      The block.
 */

defined( 'ABSPATH' ) || exit;

$spaces_importer_post_id = isset( $block->context['postId'] ) ? (int) $block->context['postId'] : (int) get_the_ID();

echo \SpacesImporter\Original_Post_Block::render( $spaces_importer_post_id, get_block_wrapper_attributes() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where it is built.
