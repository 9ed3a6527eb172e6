/**
 * The images' smaller sizes made in the browser, with what every current
 * browser has: `createImageBitmap` decodes, an `OffscreenCanvas` cuts and
 * scales, and encodes JPEG at the site's quality or PNG. Runs in the sizer's
 * worker. The dimensions come from the same arithmetic the command line's
 * sharp sizer uses (`src/import/image-sizes.ts`), which is WordPress's own.
 */

/**
 * Internal dependencies
 */
import {
	planSizes,
	sizesWanted,
	type ImageSizeSettings,
	type MadeSize,
} from '../../import/image-sizes';
import { readImageHeader } from './image-header';

/**
 * The types made here. GIF (animations), WebP (which not every browser
 * encodes) and the rest are left to the site.
 */
export const BROWSER_SIZED_TYPES = [ 'image/jpeg', 'image/png' ];

/**
 * Whether this browser (or worker) can make sizes at all.
 *
 * @return True when it has what the sizer needs.
 */
export function canvasSizerAvailable(): boolean {
	return (
		typeof OffscreenCanvas === 'function' &&
		typeof createImageBitmap === 'function' &&
		typeof OffscreenCanvas.prototype.convertToBlob === 'function'
	);
}

/**
 * Makes the sizes WordPress would make of an image.
 *
 * @param bytes    The original.
 * @param mimeType Its type, as the archive says.
 * @param settings What the site announced for the run.
 * @return The sizes, in the site's order (none for an image smaller than
 *         every size), or null when the site should make them: a type not
 *         made here, an image WordPress would turn or scale first, one the
 *         browser reads otherwise than its header says.
 */
export async function makeCanvasSizes(
	bytes: Uint8Array,
	mimeType: string,
	settings: ImageSizeSettings
): Promise< MadeSize[] | null > {
	if (
		! BROWSER_SIZED_TYPES.includes( mimeType ) ||
		! sizesWanted( mimeType, settings ) ||
		! canvasSizerAvailable()
	) {
		return null;
	}
	const header = readImageHeader( bytes );
	if ( ! header || header.mimeType !== mimeType || header.special ) {
		return null;
	}
	const plans = planSizes( header.width, header.height, settings );
	if ( ! plans ) {
		return null;
	}
	if ( ! plans.length ) {
		return [];
	}
	const bitmap = await createImageBitmap(
		new Blob( [ bytes as BlobPart ], { type: mimeType } )
	);
	try {
		if (
			bitmap.width !== header.width ||
			bitmap.height !== header.height
		) {
			return null;
		}
		const quality = ( settings.quality[ mimeType ] ?? 82 ) / 100;
		// Sizes of the same cut (two names, one size) are encoded once.
		const encoded = new Map< string, Uint8Array >();
		const made: MadeSize[] = [];
		for ( const plan of plans ) {
			const key = [
				plan.x,
				plan.y,
				plan.cropWidth,
				plan.cropHeight,
				plan.width,
				plan.height,
			].join( ',' );
			let out = encoded.get( key );
			if ( ! out ) {
				const canvas = new OffscreenCanvas( plan.width, plan.height );
				const context = canvas.getContext( '2d' );
				if ( ! context ) {
					return null;
				}
				context.imageSmoothingEnabled = true;
				context.imageSmoothingQuality = 'high';
				context.drawImage(
					bitmap,
					plan.x,
					plan.y,
					plan.cropWidth,
					plan.cropHeight,
					0,
					0,
					plan.width,
					plan.height
				);
				const blob = await canvas.convertToBlob(
					mimeType === 'image/jpeg'
						? { type: mimeType, quality }
						: { type: mimeType }
				);
				// A browser that cannot encode the type gives a PNG instead.
				if ( blob.type !== mimeType ) {
					return null;
				}
				out = new Uint8Array( await blob.arrayBuffer() );
				encoded.set( key, out );
			}
			made.push( {
				name: plan.name,
				width: plan.width,
				height: plan.height,
				bytes: out,
			} );
		}
		return made;
	} finally {
		bitmap.close();
	}
}
