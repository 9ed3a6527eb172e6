/**
 * The runner keeps two posts requests in flight: batches that both bring a
 * new category must not create it twice.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';

/**
 * Internal dependencies
 */
import { requestAs, sitePhpJson } from './support/site';

const API = '/spaces-importer/v1';

it( 'creates a category once when batches sent together both bring it', async () => {
	const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
	const names = Array.from(
		{ length: 30 },
		( _, n ) => `Race ${ CID } ${ String( n ).padStart( 2, '0' ) }`
	);
	const run = await requestAs(
		'POST',
		`${ API }/runs`,
		{
			fingerprint: crypto.randomBytes( 32 ).toString( 'hex' ),
			name: 'race.zip',
		},
		'admin'
	);
	const batch = ( from: number ) => ( {
		posts: Array.from( { length: 10 }, ( _, i ) => ( {
			sourceId: `cns!${ CID }!${ from + i }`,
			title: `Post ${ from + i }`,
			html: '<p>x</p>',
			published: '2009-03-01T10:00:00',
			categories: names,
		} ) ),
	} );
	const answers = await Promise.all(
		[ 1, 11, 21, 31, 41, 51, 61, 71 ].map( ( from ) =>
			requestAs(
				'POST',
				`${ API }/runs/${ run.body.id }/posts`,
				batch( from ),
				'admin'
			)
		)
	);
	for ( const answer of answers ) {
		expect( answer.status ).toBe( 200 );
		expect(
			answer.body.results.every( ( r: any ) => r.status === 'created' )
		).toBe( true );
	}
	const terms = sitePhpJson< Array< { name: string; count: number } > >( `
global $wpdb;
$rows = $wpdb->get_results( $wpdb->prepare( "SELECT t.name, tt.term_id FROM {$wpdb->terms} t JOIN {$wpdb->term_taxonomy} tt ON tt.term_id = t.term_id WHERE tt.taxonomy = 'category' AND t.name LIKE %s", $wpdb->esc_like( 'Race ${ CID }' ) . '%' ) );
echo "\\n" . wp_json_encode( $rows );
` );
	expect( terms.map( ( t ) => t.name ).sort() ).toEqual( names );
} );
