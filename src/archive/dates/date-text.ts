/**
 * The words and spellings of printed dates, shared by every date reader:
 * month names in the languages Spaces was offered in, two-digit years, and
 * the spaces pages put between the parts.
 */

/** Month names and abbreviations in the languages Spaces was offered in. */
const MONTH_NAMES: Record< string, number > = ( () => {
	const table: Record< string, number > = {};
	const lists = [
		// English
		'january february march april may june july august september october november december',
		'jan feb mar apr may jun jul aug sep oct nov dec',
		'jan feb mar apr may june july aug sept oct nov dec',
		// German
		'januar februar märz april mai juni juli august september oktober november dezember',
		'jan feb mär apr mai jun jul aug sep okt nov dez',
		'jänner feber maerz apr mai jun jul aug sep okt nov dez',
		// French
		'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
		'janv févr mars avr mai juin juil août sept oct nov déc',
		// Spanish
		'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
		'ene feb mar abr may jun jul ago sep oct nov dic',
		'ene feb mar abr may jun jul ago set oct nov dic',
		// Italian
		'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
		'gen feb mar apr mag giu lug ago set ott nov dic',
		// Portuguese
		'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
		'jan fev mar abr mai jun jul ago set out nov dez',
		// Dutch
		'januari februari maart april mei juni juli augustus september oktober november december',
		'jan feb mrt apr mei jun jul aug sep okt nov dec',
		// Swedish, Danish, Norwegian
		'januari februari mars april maj juni juli augusti september oktober november december',
		'januar februar marts april maj juni juli august september oktober november december',
		'januar februar mars april mai juni juli august september oktober november desember',
	];
	for ( const list of lists ) {
		list.split( ' ' ).forEach( ( name, index ) => {
			if ( ! ( name in table ) ) {
				table[ name ] = index + 1;
			}
		} );
	}
	return table;
} )();

/**
 * The month a word names, in any of Spaces' languages, in full or
 * abbreviated (with or without its full stop), in any case.
 *
 * @param word The word, e.g. `Sept.` or `März`.
 * @return The month, 1 to 12, or null.
 */
export function monthFromWord( word: string ): number | null {
	const key = word.toLowerCase().replace( /\.$/, '' );
	return MONTH_NAMES[ key ] ?? null;
}

/**
 * A year as printed: four digits as they are, two digits in 1970–2069.
 *
 * @param text The digits.
 * @return The year.
 */
export function fullYear( text: string ): number {
	const n = Number( text );
	if ( text.length > 2 ) {
		return n;
	}
	return n < 70 ? 2000 + n : 1900 + n;
}

/**
 * A date's text with its spaces made plain: no-break, figure, narrow and
 * ideographic spaces become one space, runs of spaces one.
 *
 * @param text The text.
 * @return The text, trimmed.
 */
export function cleanDateText( text: string ): string {
	return text
		.replace( /[\u00a0\u2007\u202f\u3000]/g, ' ' )
		.replace( /\s+/g, ' ' )
		.trim();
}
