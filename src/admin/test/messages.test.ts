/**
 * Internal dependencies
 */
import { readFailureMessage, warningMessage } from '../messages';

describe( 'sentences for files that are not zipped', () => {
	it( 'names a file of another kind chosen alone', () => {
		expect( readFailureMessage( 'not-archive', 'report.pdf' ) ).toBe(
			'“report.pdf” is not a Windows Live Spaces archive, saved page, web archive, feed or Windows Live Writer post. Choose the space.zip you downloaded from Windows Live Spaces, pages saved from your space (.htm, .mht), its feed (.rss) or your Windows Live Writer posts (.wpost).'
		);
		expect( readFailureMessage( 'not-zip', 'photos.rar' ) ).toMatch(
			/^“photos\.rar” is not a zip archive, .*Unpack it/
		);
	} );

	it( 'counts damaged web archives', () => {
		expect( warningMessage( 'web-archive-damaged', 1, 'x' ) ).toMatch(
			/^1 web archive \(\.mht\) is damaged/
		);
		expect( warningMessage( 'web-archive-damaged', 2, 'x' ) ).toMatch(
			/^2 web archives \(\.mht\) are damaged/
		);
	} );

	it( 'counts unreadable Live Writer files and their damaged pictures', () => {
		expect( warningMessage( 'live-writer-damaged', 1, 'x' ) ).toMatch(
			/^1 Windows Live Writer file \(\.wpost\) could not be read/
		);
		expect(
			warningMessage( 'live-writer-unknown-version', 2, 'x' )
		).toMatch(
			/^2 Windows Live Writer files \(\.wpost\) could not be read/
		);
		expect( warningMessage( 'live-writer-file-damaged', 1, 'x' ) ).toMatch(
			/^1 picture or file of a Windows Live Writer post is damaged/
		);
	} );
} );
