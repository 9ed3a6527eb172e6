/**
 * Internal dependencies
 */
import { createReaderWorker } from '../create-worker';
import type { ReaderRequest } from '../messages';
import { openArchive } from '..';

jest.mock( '../create-worker', () => ( { createReaderWorker: jest.fn() } ) );

describe( 'openArchive', () => {
	it( 'sends the worker every file chosen, with its path and time, under the name chosen', () => {
		const worker = { postMessage: jest.fn(), terminate: jest.fn() };
		( createReaderWorker as jest.Mock ).mockReturnValue( worker );
		const files = [
			{
				path: 'My Blog/a.htm',
				file: new File( [ 'a' ], 'a.htm' ),
				modified: '2008-05-01T10:00:00',
			},
			{
				path: 'My Blog/img/b.jpg',
				file: new File( [ 'b' ], 'b.jpg' ),
				modified: null,
			},
		];
		openArchive( files, 'My Blog', jest.fn() );
		expect( worker.postMessage ).toHaveBeenCalledTimes( 1 );
		const request: ReaderRequest = worker.postMessage.mock.calls[ 0 ][ 0 ];
		expect( request ).toEqual( { type: 'read', files, name: 'My Blog' } );
		// The Files themselves: the worker reads them, nothing is copied here.
		expect( request.type === 'read' && request.files[ 1 ].file ).toBe(
			files[ 1 ].file
		);
	} );
} );
