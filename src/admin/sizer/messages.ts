/**
 * Messages between the screen and the image sizer's worker.
 */
import type { ImageSizeSettings } from '../../import/image-sizes';

export interface SizerRequest {
	/** Pairs the answer. */
	id: number;
	/** A copy of the original, transferred. */
	bytes: ArrayBuffer;
	mimeType: string;
	settings: ImageSizeSettings;
}

export interface SizedImage {
	name: string;
	width: number;
	height: number;
	bytes: ArrayBuffer;
}

export type SizerAnswer =
	/** The sizes, or null: the site makes them. */
	{ id: number; sizes: SizedImage[] | null } | { id: number; error: string };
