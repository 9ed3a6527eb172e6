/**
 * The TypeScript client and the PHP routes describe one contract: what the
 * client sends to each route (the request types in `src/import/types.ts`)
 * must be what the route's `args` schema takes, and what it reads of the
 * answers what the route's schema says it answers. The schemas come from
 * the running site (`GET /wp-json/spaces-importer/v1?context=help`), the
 * types from the TypeScript compiler, so a field renamed, added, retyped or
 * made required on one side only fails here.
 */

/**
 * External dependencies
 */
import path from 'node:path';
import ts from 'typescript';

/**
 * Internal dependencies
 */
import {
	NAMESPACE,
	createRestClient,
	type RestClient,
} from '../../src/import/rest-client';
import type { Transport } from '../../src/import/transport';
import { rawRequest } from './support/site';

const TYPES_FILE = path.resolve( __dirname, '../../src/import/types.ts' );

interface Operation {
	/** The client's method. */
	name: keyof RestClient;
	/** Calls it, with any values: only the method and path count. */
	call: ( client: RestClient ) => Promise< unknown >;
	/** The type of what it sends (body, query or multipart fields). */
	request: string | null;
	/** The type of what it reads of the answer (one item of a list). */
	response: string;
}

const RUN = 12;
const any = {} as never;

const OPERATIONS: Operation[] = [
	{
		name: 'startRun',
		call: ( client ) => client.startRun( any ),
		request: 'StartRunRequest',
		response: 'RunInfo',
	},
	{
		name: 'listRuns',
		call: ( client ) => client.listRuns(),
		request: 'ListRunsQuery',
		response: 'RunInfo',
	},
	{
		name: 'readRun',
		call: ( client ) => client.readRun( RUN ),
		request: null,
		response: 'RunInfo',
	},
	{
		name: 'lookupMedia',
		call: ( client ) => client.lookupMedia( RUN, any ),
		request: 'MediaLookupRequest',
		response: 'MediaLookupResponse',
	},
	{
		name: 'uploadMediaBatch',
		call: ( client ) => client.uploadMediaBatch( RUN, any, [] ),
		request: 'MediaBatchRequest',
		response: 'MediaBatchResponse',
	},
	{
		name: 'sendPosts',
		call: ( client ) => client.sendPosts( RUN, any ),
		request: 'PostsRequest',
		response: 'PostsResponse',
	},
	{
		name: 'finalizeStep',
		call: ( client ) => client.finalizeStep( RUN ),
		request: 'FinalizeRequest',
		response: 'RunInfo',
	},
	{
		name: 'undoStep',
		call: ( client ) => client.undoStep( RUN ),
		request: 'UndoQuery',
		response: 'RunInfo',
	},
];

/**
 * Routes the TypeScript does not call, and why: nothing to keep in step.
 */
const NOT_CALLED = [
	// One file per request; the runner sends files in batches.
	`POST ${ NAMESPACE }/runs/(?P<id>[\\d]+)/media`,
];

/**
 * The method and path each operation of the client sends.
 * @param operation
 */
async function sentBy(
	operation: Operation
): Promise< { method: string; path: string } > {
	let sent = { method: '', path: '' };
	const recorder: Transport = {
		request: async < T >( method: string, requestPath: string ) => {
			sent = { method, path: requestPath };
			return {} as T;
		},
		upload: async < T >( requestPath: string ) => {
			sent = { method: 'POST', path: requestPath };
			return {} as T;
		},
	};
	await operation.call( createRestClient( recorder ) );
	return { ...sent, path: sent.path.replace( /\?.*$/, '' ) };
}

/**
 * Whether a set of TypeScript flags holds one.
 *
 * @param flags The flags.
 * @param flag  The flag.
 * @return Whether it is set.
 */
function has( flags: number, flag: number ): boolean {
	// eslint-disable-next-line no-bitwise
	return ( flags & flag ) !== 0;
}

/** A JSON schema as the REST index gives it. */
interface Schema {
	type?: string | string[];
	enum?: unknown[];
	properties?: Record< string, Schema & { required?: boolean | string[] } >;
	additionalProperties?: boolean | Schema;
	items?: Schema;
	required?: boolean | string[];
}

/** The TypeScript view of the contract's types. */
class Types {
	private readonly checker: ts.TypeChecker;
	private readonly exports: Map< string, ts.Symbol >;

	constructor() {
		const program = ts.createProgram( [ TYPES_FILE ], {
			strict: true,
			noEmit: true,
			target: ts.ScriptTarget.ES2022,
			module: ts.ModuleKind.ESNext,
			moduleResolution: ts.ModuleResolutionKind.Bundler,
		} );
		this.checker = program.getTypeChecker();
		const file = program.getSourceFile( TYPES_FILE );
		const symbol = file && this.checker.getSymbolAtLocation( file );
		if ( ! symbol ) {
			throw new Error( `TypeScript cannot read ${ TYPES_FILE }.` );
		}
		this.exports = new Map(
			this.checker
				.getExportsOfModule( symbol )
				.map( ( exported ) => [ exported.getName(), exported ] )
		);
	}

	named( name: string ): ts.Type {
		const symbol = this.exports.get( name );
		if ( ! symbol ) {
			throw new Error( `src/import/types.ts exports no ${ name }.` );
		}
		return this.checker.getDeclaredTypeOfSymbol( symbol );
	}

	/**
	 * A type's members, `undefined` left out (it is what optional means).
	 *
	 * @param type The type.
	 * @return The members of a union, or the type alone.
	 */
	members( type: ts.Type ): ts.Type[] {
		const all = type.isUnion() ? type.types : [ type ];
		return all.filter(
			( member ) => ! has( member.flags, ts.TypeFlags.Undefined )
		);
	}

	/**
	 * The JSON type of a TypeScript type, and its values when it is an enum.
	 *
	 * @param type The type (no union).
	 * @return The JSON type.
	 */
	jsonType( type: ts.Type ): { type: string; value?: unknown } {
		if ( has( type.flags, ts.TypeFlags.Null ) ) {
			return { type: 'null' };
		}
		if ( has( type.flags, ts.TypeFlags.BooleanLike ) ) {
			return { type: 'boolean' };
		}
		if ( type.isStringLiteral() ) {
			return { type: 'string', value: type.value };
		}
		if ( has( type.flags, ts.TypeFlags.StringLike ) ) {
			return { type: 'string' };
		}
		if ( has( type.flags, ts.TypeFlags.NumberLike ) ) {
			return { type: 'number' };
		}
		if ( this.checker.isArrayType( type ) ) {
			return { type: 'array' };
		}
		return { type: 'object' };
	}

	itemOf( type: ts.Type ): ts.Type {
		return this.checker.getTypeArguments( type as ts.TypeReference )[ 0 ];
	}

	properties(
		type: ts.Type
	): Array< { name: string; type: ts.Type; optional: boolean } > {
		return this.checker.getPropertiesOfType( type ).map( ( symbol ) => ( {
			name: symbol.getName(),
			type: this.checker.getTypeOfSymbol( symbol ),
			optional: has( symbol.flags, ts.SymbolFlags.Optional ),
		} ) );
	}

	indexType( type: ts.Type ): ts.Type | null {
		return (
			this.checker.getIndexInfoOfType( type, ts.IndexKind.String )
				?.type ?? null
		);
	}

	print( type: ts.Type ): string {
		return this.checker.typeToString( type );
	}
}

/**
 * The JSON types a schema allows, `integer` counted as `number`.
 *
 * @param schema The schema.
 * @return The types.
 */
function schemaTypes( schema: Schema ): string[] {
	const types = Array.isArray( schema.type ) ? schema.type : [ schema.type ];
	return [
		...new Set(
			types.map( ( type ) => ( type === 'integer' ? 'number' : type ) )
		),
	]
		.filter( ( type ): type is string => Boolean( type ) )
		.sort();
}

/**
 * Which properties of an object schema are required, in either way the
 * REST API writes it.
 *
 * @param schema The object's schema.
 * @param name   A property.
 * @return Whether it is required.
 */
function isRequired( schema: Schema, name: string ): boolean {
	return (
		( Array.isArray( schema.required ) &&
			schema.required.includes( name ) ) ||
		schema.properties?.[ name ]?.required === true
	);
}

/**
 * Where a TypeScript type and a schema disagree.
 *
 * @param types     The TypeScript types.
 * @param type      The type.
 * @param schema    The schema.
 * @param where     Where in the request or answer, for the message.
 * @param direction `request`: the client sends it (the schema must take
 *                  it, and the client must send what it requires);
 *                  `response`: the client reads it (the site must answer it).
 * @return One sentence per difference.
 */
function differences(
	types: Types,
	type: ts.Type,
	schema: Schema,
	where: string,
	direction: 'request' | 'response'
): string[] {
	const found: string[] = [];
	const members = types.members( type );
	const jsonTypes = members.map( ( member ) => types.jsonType( member ) );
	const tsTypes = [ ...new Set( jsonTypes.map( ( json ) => json.type ) ) ];
	const allowed = schemaTypes( schema );
	if ( allowed.length && tsTypes.sort().join() !== allowed.join() ) {
		found.push(
			`${ where }: TypeScript has ${ types.print(
				type
			) }, the schema ${ allowed.join( ' | ' ) }.`
		);
		return found;
	}
	const values = jsonTypes
		.filter( ( json ) => json.value !== undefined )
		.map( ( json ) => String( json.value ) )
		.sort();
	const enumValues = ( schema.enum ?? [] ).map( String ).sort();
	if ( values.join() !== enumValues.join() ) {
		found.push(
			`${ where }: TypeScript allows ${
				values.join( ', ' ) || 'any value'
			}, the schema ${ enumValues.join( ', ' ) || 'any value' }.`
		);
	}
	const objectType = members.find(
		( member ) => types.jsonType( member ).type === 'object'
	);
	if ( objectType && ( schema.properties || schema.additionalProperties ) ) {
		found.push(
			...objectDifferences( types, objectType, schema, where, direction )
		);
	}
	const arrayType = members.find(
		( member ) => types.jsonType( member ).type === 'array'
	);
	if ( arrayType && schema.items ) {
		found.push(
			...differences(
				types,
				types.itemOf( arrayType ),
				schema.items,
				`${ where }[]`,
				direction
			)
		);
	}
	return found;
}

function objectDifferences(
	types: Types,
	type: ts.Type,
	schema: Schema,
	where: string,
	direction: 'request' | 'response'
): string[] {
	const found: string[] = [];
	const schemaProperties = schema.properties ?? {};
	const properties = types.properties( type );
	for ( const property of properties ) {
		const inner = schemaProperties[ property.name ];
		if ( ! inner ) {
			found.push(
				direction === 'request'
					? `${ where }.${ property.name }: the client sends it; the route does not take it.`
					: `${ where }.${ property.name }: the client reads it; the route does not answer it.`
			);
			continue;
		}
		if (
			direction === 'request' &&
			property.optional &&
			isRequired( schema, property.name )
		) {
			found.push(
				`${ where }.${ property.name }: the route requires it; the client may leave it out.`
			);
		}
		found.push(
			...differences(
				types,
				property.type,
				inner,
				`${ where }.${ property.name }`,
				direction
			)
		);
	}
	const known = new Set( properties.map( ( property ) => property.name ) );
	for ( const name of Object.keys( schemaProperties ) ) {
		if ( ! known.has( name ) ) {
			found.push(
				direction === 'request'
					? `${ where }.${ name }: the route takes it; the TypeScript does not declare it.`
					: `${ where }.${ name }: the route answers it; the TypeScript does not declare it.`
			);
		}
	}
	const index = types.indexType( type );
	if ( typeof schema.additionalProperties === 'object' ) {
		if ( ! index ) {
			found.push(
				`${ where }: the route has a map of values; the TypeScript has none.`
			);
		} else {
			found.push(
				...differences(
					types,
					index,
					schema.additionalProperties,
					`${ where }[key]`,
					direction
				)
			);
		}
	}
	return found;
}

/** One route of the index, its pattern made a JavaScript expression. */
interface IndexedRoute {
	route: string;
	pattern: RegExp;
	endpoints: Array< { methods: string[]; args: Record< string, Schema > } >;
	schema?: Schema;
}

describe( 'the REST contract', () => {
	let routes: IndexedRoute[];
	let types: Types;

	beforeAll( async () => {
		const index = await rawRequest( 'GET', `${ NAMESPACE }?context=help` );
		if ( index.status !== 200 ) {
			throw new Error(
				`The site's index of ${ NAMESPACE } answered ${ index.status }.`
			);
		}
		routes = Object.entries( index.body.routes as Record< string, any > )
			.filter( ( [ route ] ) => route !== NAMESPACE )
			.map( ( [ route, data ] ) => ( {
				route,
				pattern: new RegExp(
					`^${ route.replace( /\(\?P</g, '(?<' ) }$`
				),
				endpoints: data.endpoints,
				schema: data.schema,
			} ) );
		types = new Types();
	} );

	/**
	 * The route and endpoint an operation reaches.
	 *
	 * @param operation The client's operation.
	 * @return Them.
	 */
	async function reached( operation: Operation ) {
		const sent = await sentBy( operation );
		const route = routes.find( ( candidate ) =>
			candidate.pattern.test( sent.path )
		);
		const endpoint = route?.endpoints.find( ( candidate ) =>
			candidate.methods.includes( sent.method )
		);
		return { sent, route, endpoint };
	}

	it( 'every path and method the client uses is a route of the site, and the client uses every route', async () => {
		const used: string[] = [];
		for ( const operation of OPERATIONS ) {
			const { sent, route, endpoint } = await reached( operation );
			expect( {
				operation: operation.name,
				reaches: route && endpoint ? 'a route' : 'nothing',
			} ).toEqual( {
				operation: operation.name,
				reaches: 'a route',
			} );
			used.push( `${ sent.method } ${ route?.route }` );
		}
		const offered = routes.flatMap( ( route ) =>
			route.endpoints.flatMap( ( endpoint ) =>
				endpoint.methods
					// WordPress offers PUT and PATCH beside POST for writes.
					.filter(
						( method ) => ! [ 'PUT', 'PATCH' ].includes( method )
					)
					.map( ( method ) => `${ method } ${ route.route }` )
			)
		);
		expect(
			offered.filter( ( route ) => ! used.includes( route ) )
		).toEqual( NOT_CALLED );
	} );

	it.each( OPERATIONS.map( ( operation ) => [ operation.name, operation ] ) )(
		'%s sends what the route takes',
		async ( _name, operation ) => {
			const { endpoint } = await reached( operation );
			// The run's id is in the path.
			const { id: _id, ...args } = endpoint?.args ?? {};
			const found = operation.request
				? objectDifferences(
						types,
						types.named( operation.request ),
						{
							properties: args,
							required: Object.keys( args ).filter(
								( name ) => args[ name ].required === true
							),
						},
						operation.request,
						'request'
					)
				: Object.keys( args ).map(
						( name ) =>
							`${ name }: the route takes it; the client sends nothing.`
					);
			expect( found ).toEqual( [] );
		}
	);

	it.each( OPERATIONS.map( ( operation ) => [ operation.name, operation ] ) )(
		'%s reads what the route answers',
		async ( _name, operation ) => {
			const { route } = await reached( operation );
			expect( route?.schema ).toBeDefined();
			expect(
				objectDifferences(
					types,
					types.named( operation.response ),
					route?.schema ?? {},
					operation.response,
					'response'
				)
			).toEqual( [] );
		}
	);
} );
