/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../format';
import { store } from '../../store';

interface Props {
	onConfirm: () => void;
	onClose: () => void;
}

/**
 * Asks before undoing, saying exactly what will be removed and what stays.
 *
 * @param props           Props.
 * @param props.onConfirm The owner wants the run undone.
 * @param props.onClose   The owner changed their mind.
 */
export default function UndoDialog( { onConfirm, onClose }: Props ) {
	const scope = useSelect( ( select ) => select( store ).getUndoScope(), [] );
	if ( ! scope ) {
		return null;
	}
	return (
		<Modal
			title={ __( 'Undo this import?', 'spaces-importer' ) }
			onRequestClose={ onClose }
			className="spaces-importer-undo"
		>
			<p>
				{ __(
					'This removes from the site what this import added:',
					'spaces-importer'
				) }
			</p>
			<ul className="spaces-importer-undo__list">
				<li>
					{ sprintf(
						/* translators: %s: number of posts. */
						_n(
							'%s post, moved to the trash',
							'%s posts, moved to the trash',
							scope.posts,
							'spaces-importer'
						),
						formatNumber( scope.posts )
					) }
				</li>
				<li>
					{ sprintf(
						/* translators: %s: number of comments. */
						_n(
							'%s comment',
							'%s comments',
							scope.comments,
							'spaces-importer'
						),
						formatNumber( scope.comments )
					) }
				</li>
				<li>
					{ sprintf(
						/* translators: %s: number of images. */
						_n(
							'%s image, from the media library and the uploads folder, unless another post uses it',
							'%s images, from the media library and the uploads folder, unless another post uses them',
							scope.images,
							'spaces-importer'
						),
						formatNumber( scope.images )
					) }
				</li>
				{ scope.videos > 0 && (
					<li>
						{ sprintf(
							/* translators: %s: number of video files. */
							_n(
								'%s video file, from the media library and the uploads folder, unless another post uses it',
								'%s video files, from the media library and the uploads folder, unless another post uses them',
								scope.videos,
								'spaces-importer'
							),
							formatNumber( scope.videos )
						) }
					</li>
				) }
				<li>
					{ __(
						'the categories and tags it created, once no post uses them',
						'spaces-importer'
					) }
				</li>
			</ul>
			<p>
				{ scope.updated > 0
					? sprintf(
							/* translators: %s: number of posts. */
							_n(
								'Everything that was on the site before stays. The %s post this import updated gets back the content it had before.',
								'Everything that was on the site before stays. The %s posts this import updated get back the content they had before.',
								scope.updated,
								'spaces-importer'
							),
							formatNumber( scope.updated )
						)
					: __(
							'Everything that was on the site before stays as it is.',
							'spaces-importer'
						) }
			</p>
			<div className="spaces-importer-actions">
				<Button
					__next40pxDefaultSize
					variant="primary"
					isDestructive
					onClick={ onConfirm }
				>
					{ __( 'Undo the import', 'spaces-importer' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onClose }
				>
					{ __( 'Keep everything', 'spaces-importer' ) }
				</Button>
			</div>
		</Modal>
	);
}
