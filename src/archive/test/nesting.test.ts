/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import { capNesting } from '../nesting';

describe( 'the nesting guard run before parsing', () => {
	it( 'returns a page within the limit unchanged', () => {
		const text =
			'<html><body><div><p>a<p>b<ul><li>1<li>2</ul><img src="x"><br></div></body></html>';
		expect( capNesting( text, 6 ) ).toBe( text );
	} );

	it( 'leaves out only the opening tags nested beyond the limit', () => {
		expect( capNesting( '<b><i><u><s>text</s></u></i></b>', 2 ) ).toBe(
			'<b><i>text</s></u></i></b>'
		);
	} );

	it( 'is not fooled by closing tags in scripts, comments or attributes', () => {
		const deep = '<div>'.repeat( 4 );
		const hidden = '<script>"</div></div>"</script><!-- </div></div> -->';
		// Still four deep: the link and the last div are left out.
		expect(
			capNesting( deep + hidden + '<a title="</div></div>"><div>x', 4 )
		).toBe( deep + hidden + 'x' );
	} );
} );
