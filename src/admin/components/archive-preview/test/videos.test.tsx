/**
 * External dependencies
 */
import { act, render, screen, within } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { dispatch } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchiveVideo } from '../../../../archive/model';
import { archiveOverview } from '../../../../archive/stats';
import { store } from '../../../store';
import {
	chosen,
	findListTable,
	FINGERPRINT,
	model,
	post,
	report,
	resetStore,
} from '../../../test/fixtures';
import ArchivePreview from '..';
import UnplayableVideos from '../../import-report/unplayable-videos';

function video( kind: ArchiveVideo[ 'kind' ], playable = false ): ArchiveVideo {
	return {
		provider: kind === 'embed' ? 'youtube' : 'soapbox',
		kind,
		url: 'http://example.test/v',
		link: 'http://example.test/v',
		title: null,
		width: null,
		height: null,
		archivePath: kind === 'file' ? 'video/a.mp4' : null,
		playable,
	};
}

const withVideos: ArchiveModel = {
	...model,
	posts: [
		post( 975, {
			title: '新年快乐',
			videos: [ video( 'embed' ), video( 'dead' ), video( 'embed' ) ],
		} ),
		post( 976, {
			title: 'Beach',
			videos: [ video( 'file', true ), video( 'file', false ) ],
		} ),
		post( 977, { title: 'Only YouTube', videos: [ video( 'embed' ) ] } ),
	],
};

beforeEach( () => {
	resetStore();
	dispatch( store ).readStarted( chosen() );
	dispatch( store ).readFinished(
		archiveOverview( withVideos ),
		FINGERPRINT
	);
} );

describe( 'videos in the preview and the report', () => {
	it( 'the preview counts the videos found, embeddable, dead and files, and names the posts that cannot play them', async () => {
		render( <ArchivePreview /> );
		// The list of posts loads on its own; the counts are above it.
		await findListTable();
		const line = screen.getByText( /^Videos: 6 found/ );
		expect( line ).toHaveTextContent(
			'Videos: 6 found (WordPress embeds: 3; can no longer play, become links: 1; video files of the archive: 2).'
		);
		const details = within( line.closest( 'li' ) as HTMLElement );
		expect(
			details.getByText( '2 posts have videos that cannot play' )
		).toBeInTheDocument();
		expect( details.getByText( '新年快乐' ) ).toBeInTheDocument();
		expect( details.getByText( 'Beach' ) ).toBeInTheDocument();
		expect( details.queryByText( 'Only YouTube' ) ).toBeNull();
	} );

	it( 'the preview says nothing of videos when there are none', async () => {
		act( () => {
			dispatch( store ).readFinished(
				archiveOverview( model ),
				FINGERPRINT
			);
		} );
		render( <ArchivePreview /> );
		await findListTable();
		expect( screen.queryByText( /^Videos:/ ) ).toBeNull();
	} );

	it( 'the report lists the imported posts whose videos cannot play, linked', () => {
		const results = report().results;
		render( <UnplayableVideos results={ results } /> );
		expect(
			screen.getByRole( 'heading', { name: 'Videos that cannot play' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: '新年快乐' } )
		).toHaveAttribute( 'href', 'http://example.test/2007/01/xin-nian/' );
		expect( screen.getByText( /Beach/ ) ).toHaveTextContent(
			'Beach: 1 video'
		);
	} );

	describe( 'the archive’s video files, by name', () => {
		const files: ArchiveModel = {
			...model,
			posts: [
				post( 980, {
					title: 'Films',
					videos: [
						{
							...video( 'file', true ),
							archivePath: 'video/beach.mp4',
						},
						{
							...video( 'file', false ),
							archivePath: 'video/party.wmv',
						},
						{
							...video( 'file', false ),
							archivePath: 'video/cat.flv',
						},
					],
				} ),
			],
			media: [
				{ path: 'video/beach.mp4', size: 9, mimeType: 'video/mp4' },
				{
					path: 'video/party.wmv',
					size: 9,
					mimeType: 'video/x-ms-wmv',
				},
				{ path: 'video/cat.flv', size: 9, mimeType: 'video/x-flv' },
			],
		};

		beforeEach( () => {
			dispatch( store ).readFinished(
				archiveOverview( files ),
				FINGERPRINT
			);
		} );

		afterEach( () => {
			delete window.spacesImporterSettings;
		} );

		it( 'names the files this site does not accept, before the import', async () => {
			window.spacesImporterSettings = {
				postsUrl: 'edit.php',
				allowedTypes: [ 'image/jpeg', 'video/mp4', 'video/x-ms-wmv' ],
			};
			render( <ArchivePreview /> );
			await findListTable();
			const refused = screen.getByText(
				/^This site does not accept 1 video file of the archive/
			).parentElement as HTMLElement;
			expect(
				within( refused )
					.getAllByRole( 'listitem' )
					.map( ( item ) => item.textContent )
			).toEqual( [ 'video/cat.flv' ] );
			expect(
				screen.getByText(
					'1 video file browsers do not play: imported, and linked for download'
				).parentElement
			).toHaveTextContent( 'video/party.wmv' );
			expect(
				screen.getByText( '1 video file shown in a video player' )
					.parentElement
			).toHaveTextContent( 'video/beach.mp4' );
		} );

		it( 'claims no refusal when the site’s types are unknown', async () => {
			render( <ArchivePreview /> );
			await findListTable();
			expect(
				screen.queryByText( /^This site does not accept/ )
			).toBeNull();
			expect(
				screen.getByText(
					'2 video files browsers do not play: imported, and linked for download'
				).parentElement
			).toHaveTextContent( 'video/cat.flvvideo/party.wmv' );
		} );
	} );
} );
