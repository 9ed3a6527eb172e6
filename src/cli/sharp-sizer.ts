/**
 * The images' smaller sizes made in the command line with sharp (libvips),
 * when it is installed (an optional dependency); without it, the site makes
 * them.
 */

/**
 * Internal dependencies
 */
import {
	planSizes,
	sizesWanted,
	type ImageSizer,
	type ImageSizeSettings,
	type MadeSize,
} from '../import/image-sizes';

type Sharp = typeof import( 'sharp' );

/**
 * sharp, if it is installed and loads on this machine.
 *
 * @return The module, or null.
 */
async function loadSharp(): Promise< Sharp | null > {
	try {
		const loaded = await import( 'sharp' );
		return ( ( loaded as { default?: Sharp } ).default ?? loaded ) as Sharp;
	} catch {
		return null;
	}
}

/**
 * An image sizer backed by sharp, or null when sharp cannot be loaded.
 *
 * @return The sizer, or null.
 */
export async function createSharpSizer(): Promise< ImageSizer | null > {
	const sharp = await loadSharp();
	if ( ! sharp ) {
		return null;
	}
	return {
		async make(
			bytes: Uint8Array,
			mimeType: string,
			settings: ImageSizeSettings
		): Promise< MadeSize[] | null > {
			if ( ! sizesWanted( mimeType, settings ) ) {
				return null;
			}
			const input = Buffer.from(
				bytes.buffer,
				bytes.byteOffset,
				bytes.byteLength
			);
			const meta = await sharp( input ).metadata();
			const format = {
				jpeg: 'image/jpeg',
				png: 'image/png',
				webp: 'image/webp',
			}[ meta.format as string ];
			// WordPress turns images by their EXIF orientation before
			// resizing, and keeps every frame of an animation in the full size:
			// those it handles itself.
			if (
				format !== mimeType ||
				! meta.width ||
				! meta.height ||
				( meta.orientation && meta.orientation !== 1 ) ||
				( meta.pages ?? 1 ) > 1
			) {
				return null;
			}
			const plans = planSizes( meta.width, meta.height, settings );
			if ( ! plans ) {
				return null;
			}
			const quality = settings.quality[ mimeType ] ?? 82;
			return Promise.all(
				plans.map( async ( plan ) => {
					let image = sharp( input ).extract( {
						left: plan.x,
						top: plan.y,
						width: plan.cropWidth,
						height: plan.cropHeight,
					} );
					image = image.resize( plan.width, plan.height, {
						fit: 'fill',
					} );
					if ( mimeType === 'image/jpeg' ) {
						image = image.jpeg( { quality } );
					} else if ( mimeType === 'image/webp' ) {
						image = image.webp( { quality } );
					} else {
						image = image.png();
					}
					const out = await image.toBuffer();
					return {
						name: plan.name,
						width: plan.width,
						height: plan.height,
						bytes: new Uint8Array(
							out.buffer,
							out.byteOffset,
							out.byteLength
						),
					};
				} )
			);
		},
	};
}
