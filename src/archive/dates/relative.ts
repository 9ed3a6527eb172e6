/**
 * Reading times Spaces printed relative to when the page was made ("5
 * seconds ago", "vor 10 Minuten", "2 天前").
 */

/**
 * Internal dependencies
 */
import { cleanDateText } from './date-text';

const UNIT_MS: Record< string, number > = {
	second: 1000,
	minute: 60000,
	hour: 3600000,
	day: 86400000,
	week: 604800000,
	month: 30 * 86400000,
	year: 365 * 86400000,
};

const RELATIVE_UNITS: Array< [ RegExp, string ] > = [
	[
		/^(?:sec|second|seconds|secs|秒|秒钟|秒鐘|sekunde|sekunden|seconde|secondes|segundo|segundos|secondo|secondi)$/i,
		'second',
	],
	[
		/^(?:min|mins|minute|minutes|分|分钟|分鐘|minuten|minuto|minutos|minuti)$/i,
		'minute',
	],
	[
		/^(?:hr|hrs|hour|hours|小时|小時|時間|stunde|stunden|heure|heures|hora|horas|ora|ore)$/i,
		'hour',
	],
	[
		/^(?:day|days|天|日|tag|tagen|tage|jour|jours|día|días|dia|dias|giorno|giorni)$/i,
		'day',
	],
	[
		/^(?:week|weeks|周|週|woche|wochen|semaine|semaines|semana|semanas|settimana|settimane)$/i,
		'week',
	],
	[
		/^(?:month|months|个月|個月|月|monat|monaten|mois|mes|meses|mese|mesi)$/i,
		'month',
	],
	[
		/^(?:year|years|年|jahr|jahren|an|ans|año|años|ano|anos|anno|anni)$/i,
		'year',
	],
];

/**
 * Reads "5 seconds ago" (and its translations) into milliseconds.
 *
 * @param text The text.
 * @return How long ago, or null when the text is not relative.
 */
export function parseAgo( text: string ): number | null {
	const clean = cleanDateText( text ).toLowerCase();
	const patterns = [
		/(\d+)\s*([^\s\d]+?)\s*(?:ago|前|以前)/,
		/(?:vor|il y a|hace|há|fa)\s+(\d+)\s+(\S+)/,
		/(\d+)\s+(\S+)\s+fa\b/,
	];
	for ( const pattern of patterns ) {
		const match = pattern.exec( clean );
		if ( ! match ) {
			continue;
		}
		const unit = RELATIVE_UNITS.find( ( [ re ] ) => re.test( match[ 2 ] ) );
		if ( unit ) {
			return Number( match[ 1 ] ) * UNIT_MS[ unit[ 1 ] ];
		}
	}
	if ( /\b(?:just now|a moment ago)\b|刚才|剛才/.test( clean ) ) {
		return 0;
	}
	return null;
}
