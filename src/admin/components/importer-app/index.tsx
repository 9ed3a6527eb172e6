/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '../../store';
import ArchiveChooser from '../archive-chooser';
import ArchivePreview from '../archive-preview';
import ImportProgress from '../import-progress';
import ImportReport from '../import-report';
import ReadingProgress from '../reading-progress';

/**
 * The importer screen: one step at a time, and any error above it.
 */
export default function ImporterApp() {
	const { step, error } = useSelect(
		( select ) => ( {
			step: select( store ).getStep(),
			error: select( store ).getError(),
		} ),
		[]
	);
	return (
		<div className="spaces-importer">
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ step === 'choose' && <ArchiveChooser /> }
			{ step === 'reading' && <ReadingProgress /> }
			{ step === 'preview' && <ArchivePreview /> }
			{ step === 'importing' && (
				<>
					<ImportProgress />
					<ArchivePreview />
				</>
			) }
			{ step === 'done' && <ImportReport /> }
		</div>
	);
}
