/**
 * WordPress dependencies
 */
import { Button, ProgressBar } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Phase } from '../../../import/types';
import { formatNumber, formatRate, formatTimeLeft } from '../../format';
import { store } from '../../store';

const ORDER: Phase[] = [ 'start', 'media', 'posts', 'finalize', 'done' ];

type PhaseState = 'waiting' | 'running' | 'done';

/**
 * Where a phase stands while the run is in another.
 *
 * @param phase   The phase shown.
 * @param current The run's phase.
 * @return Its state.
 */
function phaseState( phase: Phase, current: Phase ): PhaseState {
	const at = ORDER.indexOf( current );
	const of = ORDER.indexOf( phase );
	if ( at === of ) {
		return 'running';
	}
	return at > of ? 'done' : 'waiting';
}

function stateLabel( state: PhaseState ): string {
	switch ( state ) {
		case 'done':
			return __( 'Done', 'spaces-importer' );
		case 'running':
			return __( 'In progress', 'spaces-importer' );
		default:
			return __( 'Waiting', 'spaces-importer' );
	}
}

/**
 * Step 4: how far the import is, phase by phase, with pause and cancel.
 */
export default function ImportProgress() {
	const { progress, percent, overview } = useSelect(
		( select ) => ( {
			progress: select( store ).getImportProgress(),
			percent: select( store ).getOverallPercent(),
			overview: select( store ).getOverview(),
		} ),
		[]
	);
	const { pauseImport, resumeImport, cancelImport } = useDispatch( store );
	const phase = progress?.phase ?? 'start';
	const paused = !! progress?.paused;
	const media = progress?.media ?? { done: 0, total: 0, bytes: 0 };
	const posts = progress?.posts ?? {
		done: 0,
		total: overview?.stats.posts ?? 0,
	};
	const finalize = progress?.finalize ?? { done: 0, total: 0 };
	const count = ( done: number, total: number ) =>
		sprintf(
			/* translators: 1: items done, 2: items in all. */
			__( '%1$s of %2$s', 'spaces-importer' ),
			formatNumber( done ),
			formatNumber( total )
		);
	const phases: Array< { key: Phase; label: string; detail: string } > = [
		{
			key: 'media',
			label: __( 'Images', 'spaces-importer' ),
			detail: media.total
				? count( media.done, media.total )
				: __( 'None to upload', 'spaces-importer' ),
		},
		{
			key: 'posts',
			label: __( 'Posts and comments', 'spaces-importer' ),
			detail: count( posts.done, posts.total ),
		},
		{
			key: 'finalize',
			label: __( 'Links between posts', 'spaces-importer' ),
			detail: finalize.total
				? count( finalize.done, finalize.total )
				: '',
		},
	];
	let pace: string = __( 'Starting…', 'spaces-importer' );
	if ( paused ) {
		pace = __(
			'Paused. Nothing is sent until you resume.',
			'spaces-importer'
		);
	} else if ( progress && progress.secondsLeft !== null ) {
		pace = sprintf(
			/* translators: 1: time left, e.g. “About 3 minutes left”, 2: items per second. */
			__( '%1$s, at %2$s items a second.', 'spaces-importer' ),
			formatTimeLeft( progress.secondsLeft ),
			formatRate( progress.rate )
		);
	} else if ( phase === 'finalize' ) {
		pace = __( 'Almost done…', 'spaces-importer' );
	}
	return (
		<section className="spaces-importer-progress">
			<h2 tabIndex={ -1 }>
				{ sprintf(
					/* translators: %s: the blog's title. */
					__( 'Importing “%s”', 'spaces-importer' ),
					overview?.blog.title || overview?.name || ''
				) }
			</h2>
			<p>
				{ __(
					'You can leave this page open and do something else; closing it pauses the import until you come back.',
					'spaces-importer'
				) }
			</p>
			<ProgressBar
				className="spaces-importer-progress-bar"
				value={ percent }
				aria-label={ __( 'Import progress', 'spaces-importer' ) }
			/>
			<p className="spaces-importer-progress__pace">
				<strong>
					{ sprintf(
						/* translators: %s: percentage done. */
						__( '%s%% done.', 'spaces-importer' ),
						formatNumber( percent )
					) }
				</strong>{ ' ' }
				{ pace }
			</p>
			<ul className="spaces-importer-progress__phases">
				{ phases.map( ( { key, label, detail } ) => {
					const state = phaseState( key, phase );
					return (
						<li
							key={ key }
							className={ `spaces-importer-progress__phase is-${ state }` }
						>
							<span className="spaces-importer-progress__phase-label">
								{ label }
							</span>
							<span>{ detail }</span>
							<span className="spaces-importer-progress__phase-state">
								{ stateLabel( state ) }
							</span>
						</li>
					);
				} ) }
			</ul>
			<div className="spaces-importer-actions">
				{ paused ? (
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ () => resumeImport() }
					>
						{ __( 'Resume', 'spaces-importer' ) }
					</Button>
				) : (
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ () => pauseImport() }
					>
						{ __( 'Pause', 'spaces-importer' ) }
					</Button>
				) }
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					isDestructive
					onClick={ () => cancelImport() }
				>
					{ __( 'Cancel', 'spaces-importer' ) }
				</Button>
			</div>
		</section>
	);
}
