/**
 * The part of `gettext-parser` (which ships no types) the tests use.
 */
declare module 'gettext-parser' {
	export interface Entry {
		msgctxt?: string;
		msgid: string;
		msgid_plural?: string;
		msgstr: string[];
		comments?: { reference?: string; extracted?: string };
	}
	export interface Catalog {
		charset?: string;
		headers: Record< string, string >;
		translations: Record< string, Record< string, Entry > >;
	}
	export const po: {
		parse: ( input: Buffer | string ) => Catalog;
		compile: ( catalog: Catalog, options?: object ) => Buffer;
	};
	export const mo: {
		parse: ( input: Buffer ) => Catalog;
		compile: ( catalog: Catalog ) => Buffer;
	};
}
