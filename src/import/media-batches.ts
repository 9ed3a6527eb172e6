/**
 * Internal dependencies
 */
import type { MadeSize } from './image-sizes';
import type {
	MediaBatchItem,
	MediaBatchRequest,
	MediaBatchSize,
	MultipartFile,
	RunLimits,
} from './types';

/** One archive file ready to upload, with the sizes made of it. */
export interface MediaUpload {
	path: string;
	hash: string;
	/** Upload folder month, `YYYY-MM`. */
	date: string | null;
	mimeType: string;
	bytes: Uint8Array;
	sizes: MadeSize[];
	/**
	 * The client made the sizes (perhaps none: an image smaller than every
	 * size), so the site need not open the image at finalize.
	 */
	sized?: boolean;
}

/** How much one media request may carry. */
export interface MediaBudget {
	/** Files (originals and sizes) per request: PHP's `max_file_uploads`. */
	files: number;
	/** Bytes of body: `maxRequestBytes` (never more than `post_max_size`). */
	bytes: number;
	/** One file alone may be this large (`maxUploadBytes`). */
	single: number;
}

/** Multipart headers and fields of one file, counted generously. */
export const PART_OVERHEAD = 1024;

/** Sites that announce no limits get these. */
const DEFAULT_FILES = 20;
const DEFAULT_BYTES = 8 * 1024 * 1024;

/**
 * The budget of one media request, from what the site announced.
 *
 * @param limits The run's limits.
 * @return The budget.
 */
export function mediaBudget( limits: RunLimits ): MediaBudget {
	const bytes = limits.maxRequestBytes ?? DEFAULT_BYTES;
	return {
		files: Math.max( 1, limits.mediaFilesPerRequest ?? DEFAULT_FILES ),
		bytes,
		single: Math.max( bytes, limits.maxUploadBytes ?? bytes ),
	};
}

/**
 * What an upload weighs in a request.
 *
 * @param upload The file and its sizes.
 * @return Files and bytes.
 */
export function uploadWeight( upload: MediaUpload ): {
	files: number;
	bytes: number;
} {
	return {
		files: 1 + upload.sizes.length,
		bytes:
			upload.bytes.length +
			PART_OVERHEAD +
			upload.sizes.reduce(
				( sum, size ) => sum + size.bytes.length + PART_OVERHEAD,
				0
			),
	};
}

/**
 * An upload that can go in a request of its own: its sizes are left to the
 * server when they would not fit with it.
 *
 * @param upload The file and its sizes.
 * @param budget The request budget.
 * @return The upload, perhaps without its sizes.
 */
export function fitAlone(
	upload: MediaUpload,
	budget: MediaBudget
): MediaUpload {
	const weight = uploadWeight( upload );
	if (
		upload.sizes.length &&
		( weight.files > budget.files || weight.bytes > budget.single )
	) {
		return { ...upload, sizes: [], sized: false };
	}
	return upload;
}

/**
 * Collects uploads into requests within the budget, in order, as they come:
 * `add()` answers the batch that is full (to send) when the next upload does
 * not fit beside it; `flush()` the last one.
 */
export class MediaBatcher {
	private batch: MediaUpload[] = [];
	private files = 0;
	private bytes = 0;

	constructor( private readonly budget: MediaBudget ) {}

	/**
	 * Adds an upload.
	 *
	 * @param upload The file and its sizes.
	 * @return A full batch to send, or null.
	 */
	add( upload: MediaUpload ): MediaUpload[] | null {
		const fitted = fitAlone( upload, this.budget );
		const weight = uploadWeight( fitted );
		let full: MediaUpload[] | null = null;
		if (
			this.batch.length &&
			( this.files + weight.files > this.budget.files ||
				this.bytes + weight.bytes > this.budget.bytes )
		) {
			full = this.flush();
		}
		this.batch.push( fitted );
		this.files += weight.files;
		this.bytes += weight.bytes;
		return full;
	}

	/**
	 * The batch collected so far, emptied.
	 *
	 * @return It, or null when empty.
	 */
	flush(): MediaUpload[] | null {
		const batch = this.batch;
		this.batch = [];
		this.files = 0;
		this.bytes = 0;
		return batch.length ? batch : null;
	}
}

/**
 * A batch as the media batch route takes it (`RestClient.uploadMediaBatch`):
 * each file's fields, and the bytes of the files and their sizes in
 * fields of their own.
 *
 * @param batch The uploads.
 * @return The request's fields and its files.
 */
export function batchRequest(
	batch: MediaUpload[]
): [ MediaBatchRequest, MultipartFile[] ] {
	const files: MultipartFile[] = [];
	const items = batch.map( ( upload, index ): MediaBatchItem => {
		const field = `f${ index }`;
		files.push( {
			field,
			bytes: upload.bytes,
			type: upload.mimeType,
			name: upload.path.split( '/' ).pop() || 'image',
		} );
		const sizes = upload.sizes.map( ( size, at ): MediaBatchSize => {
			const sizeField = `${ field }s${ at }`;
			files.push( {
				field: sizeField,
				bytes: size.bytes,
				type: upload.mimeType,
				name: `${ size.name }.bin`,
			} );
			return {
				name: size.name,
				width: size.width,
				height: size.height,
				file: sizeField,
			};
		} );
		return {
			path: upload.path,
			sha256: upload.hash,
			file: field,
			...( upload.date ? { date: upload.date } : {} ),
			...( upload.sized ? { sized: true } : {} ),
			...( sizes.length ? { sizes } : {} ),
		};
	} );
	return [ { items }, files ];
}
