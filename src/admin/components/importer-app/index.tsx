/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { closeSession, store } from '../../store';
import ArchiveChooser from '../archive-chooser';
import ArchivePreview from '../archive-preview';
import ImportOptions from '../import-options';
import ImportProgress from '../import-progress';
import ImportReport from '../import-report';
import ReadingProgress from '../reading-progress';
import UndoProgress from '../undo-progress';
import UnfinishedImport from '../unfinished-import';
import { usePainted } from '../../use-painted';

/**
 * The preview and the choices below it: the preview is rendered and painted
 * first, the choices in a later task, so that neither blocks the page long.
 */
function PreviewStep() {
	const painted = usePainted();
	return (
		<>
			<ArchivePreview />
			{ painted && <ImportOptions /> }
		</>
	);
}

/**
 * The importer screen: one step at a time, and any message above it.
 */
export default function ImporterApp() {
	const { step, notice } = useSelect(
		( select ) => ( {
			step: select( store ).getStep(),
			notice: select( store ).getNotice(),
		} ),
		[]
	);
	const { loadUnfinished, setNotice } = useDispatch( store );
	const container = useRef< HTMLDivElement >( null );
	const shownStep = useRef( step );

	useEffect( () => {
		loadUnfinished();
		return closeSession;
	}, [ loadUnfinished ] );

	// Each step replaces the last: focus goes to its heading, so keyboard
	// and screen reader users start reading where the new step begins. It
	// moves once the step has been painted, in a task of its own: focusing
	// lays the page out at once, which would otherwise add to the task that
	// renders the step.
	useEffect( () => {
		if ( shownStep.current === step ) {
			return;
		}
		shownStep.current = step;
		let timer: ReturnType< typeof setTimeout > | undefined;
		const frame = window.requestAnimationFrame( () => {
			timer = setTimeout( () =>
				container.current
					?.querySelector< HTMLElement >( 'h2[tabindex="-1"]' )
					?.focus()
			);
		} );
		return () => {
			window.cancelAnimationFrame( frame );
			clearTimeout( timer );
		};
	}, [ step ] );

	// Leaving mid-run stops sending; the browser asks first.
	useEffect( () => {
		if ( step !== 'importing' && step !== 'undoing' ) {
			return;
		}
		const ask = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', ask );
		return () => window.removeEventListener( 'beforeunload', ask );
	}, [ step ] );

	return (
		<div className="spaces-importer" ref={ container }>
			{ notice && (
				<Notice
					status={ notice.status }
					isDismissible={ notice.status !== 'error' }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.message }
				</Notice>
			) }
			{ step === 'choose' && (
				<>
					<UnfinishedImport />
					<ArchiveChooser />
				</>
			) }
			{ step === 'reading' && <ReadingProgress /> }
			{ step === 'preview' && <PreviewStep /> }
			{ step === 'importing' && <ImportProgress /> }
			{ step === 'done' && <ImportReport /> }
			{ ( step === 'undoing' || step === 'undone' ) && <UndoProgress /> }
		</div>
	);
}
