/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ArchiveWarning } from '../../../archive/model';
import { store } from '../../store';

const PREVIEW_POSTS = 10;

/**
 * Warnings of one kind together, so a hundred alike read as one line.
 *
 * @param warnings The reader's warnings.
 * @return One entry per code, with how many and the first file's sentence.
 */
function groupWarnings( warnings: ArchiveWarning[] ) {
	const groups = new Map<
		string,
		{ first: ArchiveWarning; count: number }
	>();
	for ( const warning of warnings ) {
		const group = groups.get( warning.code );
		if ( group ) {
			group.count++;
		} else {
			groups.set( warning.code, { first: warning, count: 1 } );
		}
	}
	return [ ...groups.values() ];
}

/**
 * Step 2: what the archive holds, before anything is sent to the site.
 */
export default function ArchivePreview() {
	const { model, comments, range, step } = useSelect(
		( select ) => ( {
			model: select( store ).getModel(),
			comments: select( store ).getCommentCount(),
			range: select( store ).getDateRange(),
			step: select( store ).getStep(),
		} ),
		[]
	);
	const { startImport, reset } = useDispatch( store );
	if ( ! model ) {
		return null;
	}
	const posts = model.posts;
	const busy = step === 'importing';
	return (
		<div className="spaces-importer-preview">
			<h2>{ model.blog.title || model.name }</h2>
			{ model.blog.host && <p>{ model.blog.host }</p> }
			<p className="spaces-importer-preview__counts">
				{ sprintf(
					/* translators: 1: number of posts, 2: number of comments. */
					_n(
						'%1$d post, %2$d comments found.',
						'%1$d posts, %2$d comments found.',
						posts.length,
						'spaces-importer'
					),
					posts.length,
					comments
				) }
				{ range &&
					' ' +
						sprintf(
							/* translators: 1: first post date, 2: last post date. */
							__(
								'Written from %1$s to %2$s.',
								'spaces-importer'
							),
							range.first,
							range.last
						) }
			</p>
			<table className="widefat striped">
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Title', 'spaces-importer' ) }
						</th>
						<th scope="col">{ __( 'Date', 'spaces-importer' ) }</th>
						<th scope="col">
							{ __( 'Categories', 'spaces-importer' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ posts.slice( 0, PREVIEW_POSTS ).map( ( post ) => (
						<tr key={ post.sourceId }>
							<td>{ post.title }</td>
							<td>
								{ post.published?.replace( 'T', ' ' ) ?? '—' }
							</td>
							<td>{ post.categories.join( ', ' ) }</td>
						</tr>
					) ) }
				</tbody>
			</table>
			{ posts.length > PREVIEW_POSTS && (
				<p>
					{ sprintf(
						/* translators: %d: number of posts not shown. */
						__( 'and %d more.', 'spaces-importer' ),
						posts.length - PREVIEW_POSTS
					) }
				</p>
			) }
			{ model.warnings.length > 0 && (
				<div className="spaces-importer-preview__warnings">
					<h3>{ __( 'Worth knowing', 'spaces-importer' ) }</h3>
					<ul>
						{ groupWarnings( model.warnings ).map(
							( { first, count } ) => (
								<li key={ first.code }>
									{ first.message }
									{ count > 1 &&
										' ' +
											sprintf(
												/* translators: %d: number of other places. */
												__(
													'(and %d more like it)',
													'spaces-importer'
												),
												count - 1
											) }
								</li>
							)
						) }
					</ul>
				</div>
			) }
			<div className="spaces-importer-actions">
				<Button
					__next40pxDefaultSize
					variant="primary"
					isBusy={ busy }
					disabled={ busy }
					onClick={ () => startImport() }
				>
					{ __( 'Import', 'spaces-importer' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					disabled={ busy }
					onClick={ () => reset() }
				>
					{ __( 'Choose another archive', 'spaces-importer' ) }
				</Button>
			</div>
		</div>
	);
}
