/**
 * The editor side of `spaces-importer/original-post`: the server renders the
 * block (it reads the post's original address), the editor shows that.
 */

/**
 * WordPress dependencies
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';
import { useBlockProps } from '@wordpress/block-editor';
import ServerSideRender from '@wordpress/server-side-render';

/**
 * Internal dependencies
 */
import metadata from '../../block.json';

type Attributes = Record< string, never >;

interface EditProps {
	attributes: Attributes;
	context: { postId?: number };
}

/**
 * The block in the editor: the server's rendering for the post being edited.
 *
 * @param props            Block properties.
 * @param props.attributes The block's attributes (only the style supports').
 * @param props.context    The block's context, with the post id.
 * @return The block.
 */
function Edit( { attributes, context }: EditProps ) {
	return (
		<div { ...useBlockProps() }>
			<ServerSideRender
				block={ metadata.name }
				attributes={ attributes }
				skipBlockSupportAttributes
				urlQueryArgs={
					context.postId ? { post_id: context.postId } : undefined
				}
			/>
		</div>
	);
}

registerBlockType< Attributes >(
	metadata as unknown as BlockConfiguration< Attributes >,
	{
		edit: Edit,
		// Rendered on the server for every view.
		save: () => null,
	}
);
