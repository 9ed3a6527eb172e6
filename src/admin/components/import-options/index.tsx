/**
 * WordPress dependencies
 */
import {
	Button,
	RadioControl,
	SelectControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import type {
	ImportOptions as Options,
	PostStatus,
} from '../../../import/types';
import { store } from '../../store';

type CategoryMode = Options[ 'categories' ][ 'mode' ];

/**
 * Step 3: the owner's choices, every one with a sensible default, and the
 * Import button.
 */
export default function ImportOptions() {
	// Each control has an id of its own: the list's component carries its
	// own copy of WordPress's components, whose numbered ids would otherwise
	// repeat these, and a label would name the list's control instead.
	const { options, authors, categories, hasDrafts } = useSelect(
		( select ) => ( {
			hasDrafts: select( store ).getArchiveCounts().drafts > 0,
			options: select( store ).getOptions(),
			authors: select( store ).getAuthors(),
			categories: select( store ).getCategories(),
		} ),
		[]
	);
	const { setOptions, startImport, reset } = useDispatch( store );
	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		startImport();
	};
	const chooseCategoryMode = ( mode: CategoryMode ) => {
		const category =
			options.categories.category || ( categories?.[ 0 ]?.id ?? 0 );
		setOptions( { categories: { mode, category } } );
	};
	return (
		<form className="spaces-importer-options" onSubmit={ submit }>
			<h3>{ __( 'How to import', 'spaces-importer' ) }</h3>
			<p>
				{ __(
					'The choices below suit most blogs; press Import to go ahead with them.',
					'spaces-importer'
				) }
			</p>
			<div className="spaces-importer-options__grid">
				<SelectControl
					id="spaces-importer-option-author"
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Author of the posts', 'spaces-importer' ) }
					value={ String( options.author ) }
					onChange={ ( value ) =>
						setOptions( { author: Number( value ) } )
					}
					options={ [
						{
							value: '0',
							label: __( 'You', 'spaces-importer' ),
						},
						...( authors ?? [] ).map( ( author ) => ( {
							value: String( author.id ),
							label: author.name,
						} ) ),
					] }
				/>
				<SelectControl
					id="spaces-importer-option-status"
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Post status', 'spaces-importer' ) }
					value={ options.status }
					onChange={ ( value ) =>
						setOptions( { status: value as PostStatus } )
					}
					options={ [
						{
							value: 'publish',
							label: __( 'Published', 'spaces-importer' ),
						},
						{
							value: 'draft',
							label: __( 'Draft', 'spaces-importer' ),
						},
						{
							value: 'pending',
							label: __( 'Pending review', 'spaces-importer' ),
						},
						{
							value: 'private',
							label: __( 'Private', 'spaces-importer' ),
						},
					] }
				/>
				<div>
					<RadioControl
						id="spaces-importer-option-categories"
						label={ __( 'Spaces categories', 'spaces-importer' ) }
						selected={ options.categories.mode }
						onChange={ ( value ) =>
							chooseCategoryMode( value as CategoryMode )
						}
						options={ [
							{
								value: 'categories',
								label: __(
									'Keep them as categories',
									'spaces-importer'
								),
							},
							{
								value: 'tags',
								label: __(
									'Turn them into tags',
									'spaces-importer'
								),
							},
							{
								value: 'single',
								label: __(
									'Put every post in one category',
									'spaces-importer'
								),
							},
						] }
					/>
					{ options.categories.mode === 'single' && (
						<SelectControl
							id="spaces-importer-option-category"
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							className="spaces-importer-options__nested"
							label={ __( 'Category', 'spaces-importer' ) }
							value={ String( options.categories.category ) }
							onChange={ ( value ) =>
								setOptions( {
									categories: {
										mode: 'single',
										category: Number( value ),
									},
								} )
							}
							options={ ( categories ?? [] ).map(
								( category ) => ( {
									value: String( category.id ),
									label: category.name,
								} )
							) }
						/>
					) }
				</div>
				<RadioControl
					id="spaces-importer-option-comments"
					label={ __( 'Comments', 'spaces-importer' ) }
					selected={ options.comments }
					onChange={ ( value ) =>
						setOptions( {
							comments: value as Options[ 'comments' ],
						} )
					}
					options={ [
						{
							value: 'approved',
							label: __(
								'Import them, approved',
								'spaces-importer'
							),
						},
						{
							value: 'pending',
							label: __(
								'Import them, held for moderation',
								'spaces-importer'
							),
						},
						{
							value: 'none',
							label: __(
								'Do not import comments',
								'spaces-importer'
							),
						},
					] }
				/>
				<fieldset className="spaces-importer-options__toggles">
					<legend>{ __( 'Images', 'spaces-importer' ) }</legend>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Copy the images into the media library',
							'spaces-importer'
						) }
						checked={ options.images }
						onChange={ ( images ) => setOptions( { images } ) }
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Use each post’s first image as its featured image',
							'spaces-importer'
						) }
						checked={ options.images && options.featuredImage }
						disabled={ ! options.images }
						onChange={ ( featuredImage ) =>
							setOptions( { featuredImage } )
						}
					/>
				</fieldset>
				<fieldset className="spaces-importer-options__toggles">
					<legend>
						{ __( 'Original posts', 'spaces-importer' ) }
					</legend>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'End each post with a link to where it was on Spaces',
							'spaces-importer'
						) }
						checked={ options.originalPostBlock }
						onChange={ ( originalPostBlock ) =>
							setOptions( { originalPostBlock } )
						}
					/>
				</fieldset>
				<RadioControl
					id="spaces-importer-option-existing"
					label={ __(
						'Posts already on this site',
						'spaces-importer'
					) }
					help={ __(
						'For posts imported before from this archive.',
						'spaces-importer'
					) }
					selected={ options.existing }
					onChange={ ( value ) =>
						setOptions( {
							existing: value as Options[ 'existing' ],
						} )
					}
					options={ [
						{
							value: 'skip',
							label: __(
								'Leave them as they are',
								'spaces-importer'
							),
						},
						{
							value: 'update',
							label: __(
								'Update them from the archive',
								'spaces-importer'
							),
						},
					] }
				/>
				{ hasDrafts && (
					<RadioControl
						id="spaces-importer-option-drafts"
						label={ __(
							'Drafts from Windows Live Writer',
							'spaces-importer'
						) }
						help={ __(
							'Drafts stay drafts whatever status you chose for the posts.',
							'spaces-importer'
						) }
						selected={ options.liveWriterDrafts ?? 'draft' }
						onChange={ ( value ) =>
							setOptions( {
								liveWriterDrafts: value as 'draft' | 'skip',
							} )
						}
						options={ [
							{
								value: 'draft',
								label: __(
									'Import them as drafts',
									'spaces-importer'
								),
							},
							{
								value: 'skip',
								label: __( 'Skip them', 'spaces-importer' ),
							},
						] }
					/>
				) }
			</div>
			<div className="spaces-importer-actions">
				<Button __next40pxDefaultSize variant="primary" type="submit">
					{ __( 'Import', 'spaces-importer' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ () => reset() }
				>
					{ __( 'Choose another archive', 'spaces-importer' ) }
				</Button>
			</div>
		</form>
	);
}
