/**
 * WordPress dependencies
 */
import { Button, DropZone, FormFileUpload } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { chosenFile, makeChoice, type ChosenFile } from '../../choice';
import { store } from '../../store';
import { droppedFiles } from './dropped-files';

/**
 * What the file button offers. A hint to the browser's dialog only: Spaces
 * pages saved without an extension (`cns!…!464.entry`) are read too, and a
 * folder or a drop takes anything; the reader sorts it out.
 */
export const ACCEPT = [
	'.zip',
	'.htm',
	'.html',
	'.mht',
	'.mhtml',
	'.rss',
	'.xml',
	'.entry',
	'.wpost',
	'image/*',
	'application/zip',
	'application/x-zip-compressed',
].join( ',' );

/**
 * Not in React's types: the folder dialog, in every current browser.
 */
const FOLDER_INPUT = { webkitdirectory: '', directory: '' } as Record<
	string,
	string
>;

/**
 * The files of a folder input, with their paths in the folder.
 *
 * @param files The input's files.
 * @return The files with paths.
 */
function folderFiles( files: FileList | null ): ChosenFile[] {
	return Array.from( files ?? [] ).map( ( file ) =>
		chosenFile( file, file.webkitRelativePath || file.name )
	);
}

/**
 * Step 1: the owner chooses the archive — a zip, saved pages, a feed,
 * several of them, or a whole folder — by button or by dropping it.
 */
export default function ArchiveChooser() {
	const { choose, setNotice } = useDispatch( store );
	const folderInput = useRef< HTMLInputElement >( null );
	const read = ( files: ChosenFile[] ) => {
		const choice = makeChoice( files );
		if ( choice ) {
			choose( choice );
		} else {
			setNotice( {
				status: 'warning',
				message: __(
					'No files were found in what you chose. Choose the files or the folder again.',
					'spaces-importer'
				),
			} );
		}
	};
	// While the drop event runs, before DropZone sees it: its own handler
	// gets the files only, where a folder is a single empty “file”.
	const onDropCapture = ( event: { dataTransfer: DataTransfer | null } ) => {
		if ( event.dataTransfer ) {
			droppedFiles( event.dataTransfer ).then( read, () => read( [] ) );
		}
	};
	return (
		<div className="spaces-importer-chooser">
			<h2 tabIndex={ -1 }>
				{ __( 'Choose your Spaces archive', 'spaces-importer' ) }
			</h2>
			<p>
				{ __(
					'Choose the space.zip you downloaded when Windows Live Spaces closed, pages you saved from your space (.htm, .html, .mht), its feed, your Windows Live Writer posts (.wpost files, or the whole My Weblog Posts folder), several of these at once, or a folder holding them. They are read here in your browser; nothing is sent until you press Import.',
					'spaces-importer'
				) }
			</p>
			<div className="spaces-importer-chooser__zone">
				<p className="spaces-importer-chooser__hint">
					{ __(
						'Drop files or a folder here, or',
						'spaces-importer'
					) }
				</p>
				<div className="spaces-importer-actions">
					<FormFileUpload
						multiple
						accept={ ACCEPT }
						onChange={ ( event ) => {
							const input = event.currentTarget;
							read(
								Array.from( input.files ?? [] ).map( ( file ) =>
									chosenFile( file )
								)
							);
							// The same files chosen again still read.
							input.value = '';
						} }
						render={ ( { openFileDialog } ) => (
							<Button
								__next40pxDefaultSize
								variant="primary"
								onClick={ openFileDialog }
							>
								{ __( 'Choose files…', 'spaces-importer' ) }
							</Button>
						) }
					/>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ () => folderInput.current?.click() }
					>
						{ __( 'Choose a folder…', 'spaces-importer' ) }
					</Button>
					<input
						{ ...FOLDER_INPUT }
						ref={ folderInput }
						type="file"
						multiple
						hidden
						onChange={ ( event ) => {
							const input = event.currentTarget;
							read( folderFiles( input.files ) );
							input.value = '';
						} }
					/>
				</div>
				<DropZone
					label={ __(
						'Drop the files or the folder to read them',
						'spaces-importer'
					) }
					onDropCapture={ onDropCapture }
					// Taken above; without it the zone would not open for files.
					onFilesDrop={ () => undefined }
				/>
			</div>
		</div>
	);
}
