/**
 * The image sizes WordPress registers, made by the client: which sizes an
 * image gets and how each is cut, exactly as WordPress computes them
 * (`image_resize_dimensions()` and `wp_constrain_dimensions()`), so that the
 * site, which computes them again, accepts them.
 */

/** A registered size, as the site announces it (`imageSizes.sizes`). */
export interface RegisteredSize {
	name: string;
	width: number;
	height: number;
	/** False: fit inside; true: crop at the centre; or the `[ x, y ]` positions. */
	crop: boolean | string[];
}

/** What the site tells the client when a run starts (`run.imageSizes`). */
export interface ImageSizeSettings {
	sizes: RegisteredSize[];
	/** Larger images are scaled down by WordPress itself; 0 for never. */
	bigImageThreshold: number;
	/** Output quality by type, 1–100. */
	quality: Record< string, number >;
	/** Types WordPress saves as another type: left to the server. */
	outputFormats: Record< string, string >;
	/** Types whose sizes the client may make. */
	types: string[];
}

/** How one size is cut from the original and how large it ends. */
export interface SizePlan {
	name: string;
	/** The part of the original taken. */
	x: number;
	y: number;
	cropWidth: number;
	cropHeight: number;
	/** The size made of it. */
	width: number;
	height: number;
}

/** One size the client made, ready to upload. */
export interface MadeSize {
	name: string;
	width: number;
	height: number;
	bytes: Uint8Array;
}

/**
 * Makes the sizes of an image; in Node with sharp, in the browser with what
 * the browser can do. Answers null when it cannot (a type or an image it does
 * not handle, one WordPress would turn or scale first): the site then makes
 * the sizes itself.
 */
export interface ImageSizer {
	make: (
		bytes: Uint8Array,
		mimeType: string,
		settings: ImageSizeSettings
	) => Promise< MadeSize[] | null >;
}

/**
 * PHP's `round()`: halves away from zero.
 *
 * @param value A number.
 * @return It rounded.
 */
function phpRound( value: number ): number {
	return Math.sign( value ) * Math.round( Math.abs( value ) );
}

/**
 * `wp_constrain_dimensions()`: fits a size inside a box, keeping its ratio.
 *
 * @param width     The width.
 * @param height    The height.
 * @param maxWidth  The box's width, 0 for any.
 * @param maxHeight The box's height, 0 for any.
 * @return `[ width, height ]`.
 */
export function constrainDimensions(
	width: number,
	height: number,
	maxWidth: number,
	maxHeight: number
): [ number, number ] {
	if ( ! maxWidth && ! maxHeight ) {
		return [ width, height ];
	}
	let widthRatio = 1;
	let heightRatio = 1;
	let didWidth = false;
	let didHeight = false;
	if ( maxWidth > 0 && width > 0 && width > maxWidth ) {
		widthRatio = maxWidth / width;
		didWidth = true;
	}
	if ( maxHeight > 0 && height > 0 && height > maxHeight ) {
		heightRatio = maxHeight / height;
		didHeight = true;
	}
	const smaller = Math.min( widthRatio, heightRatio );
	const larger = Math.max( widthRatio, heightRatio );
	const ratio =
		phpRound( width * larger ) > maxWidth ||
		phpRound( height * larger ) > maxHeight
			? smaller
			: larger;
	let w = Math.max( 1, phpRound( width * ratio ) );
	let h = Math.max( 1, phpRound( height * ratio ) );
	if ( didWidth && w === maxWidth - 1 ) {
		w = maxWidth;
	}
	if ( didHeight && h === maxHeight - 1 ) {
		h = maxHeight;
	}
	return [ w, h ];
}

/**
 * `image_resize_dimensions()`: how WordPress cuts a size from an original,
 * or null when it makes no such size (larger than the original, or the
 * original's own dimensions give or take a pixel).
 *
 * @param origW The original's width.
 * @param origH The original's height.
 * @param destW The size's width (0: any).
 * @param destH The size's height (0: any).
 * @param crop  The size's crop rule.
 * @return The cut, without the name.
 */
export function resizeDimensions(
	origW: number,
	origH: number,
	destW: number,
	destH: number,
	crop: boolean | string[]
): Omit< SizePlan, 'name' > | null {
	if ( origW <= 0 || origH <= 0 || ( destW <= 0 && destH <= 0 ) ) {
		return null;
	}
	if ( ! destH ) {
		if ( origW < destW ) {
			return null;
		}
	} else if ( ! destW ) {
		if ( origH < destH ) {
			return null;
		}
	} else if ( origW < destW && origH < destH ) {
		return null;
	}
	let newW: number;
	let newH: number;
	let cropW: number;
	let cropH: number;
	let x = 0;
	let y = 0;
	if ( crop ) {
		const aspect = origW / origH;
		newW = Math.min( destW, origW );
		newH = Math.min( destH, origH );
		if ( ! newW ) {
			newW = phpRound( newH * aspect );
		}
		if ( ! newH ) {
			newH = phpRound( newW / aspect );
		}
		const ratio = Math.max( newW / origW, newH / origH );
		cropW = phpRound( newW / ratio );
		cropH = phpRound( newH / ratio );
		const [ px, py ] =
			Array.isArray( crop ) && crop.length === 2
				? crop
				: [ 'center', 'center' ];
		if ( px === 'left' ) {
			x = 0;
		} else if ( px === 'right' ) {
			x = origW - cropW;
		} else {
			x = Math.floor( ( origW - cropW ) / 2 );
		}
		if ( py === 'top' ) {
			y = 0;
		} else if ( py === 'bottom' ) {
			y = origH - cropH;
		} else {
			y = Math.floor( ( origH - cropH ) / 2 );
		}
	} else {
		cropW = origW;
		cropH = origH;
		[ newW, newH ] = constrainDimensions( origW, origH, destW, destH );
	}
	if ( Math.abs( newW - origW ) <= 1 && Math.abs( newH - origH ) <= 1 ) {
		return null;
	}
	return {
		x: Math.trunc( x ),
		y: Math.trunc( y ),
		cropWidth: Math.trunc( cropW ),
		cropHeight: Math.trunc( cropH ),
		width: Math.trunc( newW ),
		height: Math.trunc( newH ),
	};
}

/**
 * The sizes WordPress would make of an image of these dimensions, or null
 * when it would first do more than resize (scale a big image down): then the
 * site makes them.
 *
 * @param width    The original's width.
 * @param height   The original's height.
 * @param settings What the site announced.
 * @return One plan per size, in the site's order.
 */
export function planSizes(
	width: number,
	height: number,
	settings: ImageSizeSettings
): SizePlan[] | null {
	const threshold = settings.bigImageThreshold;
	if ( threshold && ( width > threshold || height > threshold ) ) {
		return null;
	}
	const plans: SizePlan[] = [];
	for ( const size of settings.sizes ) {
		const cut = resizeDimensions(
			width,
			height,
			size.width,
			size.height,
			size.crop
		);
		if ( cut ) {
			plans.push( { name: size.name, ...cut } );
		}
	}
	return plans;
}

/**
 * Whether the client may make the sizes of a type at all.
 *
 * @param mimeType The original's type.
 * @param settings What the site announced.
 * @return True when it may.
 */
export function sizesWanted(
	mimeType: string,
	settings: ImageSizeSettings
): boolean {
	return (
		settings.types.includes( mimeType ) &&
		! settings.outputFormats?.[ mimeType ]
	);
}
