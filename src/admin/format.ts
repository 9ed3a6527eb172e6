/**
 * Numbers, dates and durations in the site's language, as WordPress prints
 * them: the date format from Settings → General, the locale's digits.
 */

/**
 * WordPress dependencies
 */
import { getSettings, gmdateI18n } from '@wordpress/date';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * The site's locale as the Intl API names it, e.g. `de-DE`.
 *
 * @return A BCP 47 tag, or undefined for the browser's own.
 */
function locale(): string | undefined {
	const wordpressLocale = getSettings().l10n?.locale;
	return wordpressLocale ? wordpressLocale.replace( '_', '-' ) : undefined;
}

let numberFormat: Intl.NumberFormat | null = null;

/**
 * A count in the site's locale: 5,000 or 5 000 or ٥٬٠٠٠.
 *
 * @param value The number.
 * @return The number, formatted.
 */
export function formatNumber( value: number ): string {
	if ( ! numberFormat ) {
		try {
			numberFormat = new Intl.NumberFormat( locale() );
		} catch {
			numberFormat = new Intl.NumberFormat();
		}
	}
	return numberFormat.format( value );
}

/**
 * Makes the number format ahead of need: a browser's first Intl format
 * loads the locale's data, 50–60 ms on a slow machine, which would
 * otherwise fall on the first count shown while an archive is read.
 */
export function prepareNumberFormat(): void {
	formatNumber( 0 );
}

/**
 * A rate with one decimal at most, in the site's locale.
 *
 * @param value The number.
 * @return The number, formatted.
 */
export function formatRate( value: number ): string {
	try {
		return new Intl.NumberFormat( locale(), {
			maximumFractionDigits: value < 10 ? 1 : 0,
		} ).format( value );
	} catch {
		return String( Math.round( value ) );
	}
}

/**
 * A date of the archive in the site's date format. Archive dates are the
 * blog's wall-clock time, so they are printed as they are, never shifted
 * into the site's time zone.
 *
 * @param value  `YYYY-MM-DDTHH:mm:ss`, perhaps with an offset.
 * @param format Which of the site's formats.
 * @return The date, or an empty string when there is none.
 */
export function formatDate(
	value: string | null,
	format: 'date' | 'datetime' = 'date'
): string {
	if ( ! value ) {
		return '';
	}
	const formats = getSettings().formats;
	const wallClock = value.slice( 0, 19 ) + 'Z';
	return gmdateI18n(
		format === 'date'
			? formats.date
			: `${ formats.date } ${ formats.time }`,
		wallClock
	);
}

/**
 * Time left, in words, rounded as a person would say it.
 *
 * @param seconds Seconds left.
 * @return e.g. “About 3 minutes left”.
 */
export function formatTimeLeft( seconds: number ): string {
	if ( seconds < 60 ) {
		return __( 'Less than a minute left', 'spaces-importer' );
	}
	const minutes = Math.round( seconds / 60 );
	if ( minutes < 90 ) {
		return sprintf(
			/* translators: %s: number of minutes. */
			_n(
				'About %s minute left',
				'About %s minutes left',
				minutes,
				'spaces-importer'
			),
			formatNumber( minutes )
		);
	}
	const hours = Math.round( seconds / 3600 );
	return sprintf(
		/* translators: %s: number of hours. */
		_n(
			'About %s hour left',
			'About %s hours left',
			hours,
			'spaces-importer'
		),
		formatNumber( hours )
	);
}
