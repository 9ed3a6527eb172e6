/**
 * WordPress dependencies
 */
import { Button, DropZone, FormFileUpload } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../../store';

/**
 * Step 1: the owner chooses the archive, by button or by dropping it.
 */
export default function ArchiveChooser() {
	const { chooseFile } = useDispatch( store );
	const choose = ( files: FileList | File[] | null ) => {
		const file = files?.[ 0 ];
		if ( file ) {
			chooseFile( file );
		}
	};
	return (
		<div className="spaces-importer-chooser">
			<h2 tabIndex={ -1 }>
				{ __( 'Choose your Spaces archive', 'spaces-importer' ) }
			</h2>
			<p>
				{ __(
					'Choose the space.zip you downloaded when Windows Live Spaces closed, or a zip of pages saved from your space. It is read here in your browser; nothing is sent until you press Import.',
					'spaces-importer'
				) }
			</p>
			<div className="spaces-importer-chooser__zone">
				<p className="spaces-importer-chooser__hint">
					{ __( 'Drop the zip file here, or', 'spaces-importer' ) }
				</p>
				<FormFileUpload
					accept=".zip,application/zip,application/x-zip-compressed"
					onChange={ ( event ) =>
						choose( event.currentTarget.files )
					}
					render={ ( { openFileDialog } ) => (
						<Button
							__next40pxDefaultSize
							variant="primary"
							onClick={ openFileDialog }
						>
							{ __( 'Choose archive…', 'spaces-importer' ) }
						</Button>
					) }
				/>
				<DropZone
					label={ __(
						'Drop the archive to read it',
						'spaces-importer'
					) }
					onFilesDrop={ ( files ) => choose( files ) }
				/>
			</div>
		</div>
	);
}
