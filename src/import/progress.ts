/**
 * Internal dependencies
 */
import type { ImportProgress, Phase } from './types';

/**
 * Keeps the counts of a run and derives its rate and time left.
 */
export class ProgressTracker {
	private readonly state: ImportProgress;
	private readonly started = Date.now();

	constructor(
		mediaTotal: number,
		postsTotal: number,
		private readonly emit: ( progress: ImportProgress ) => void
	) {
		this.state = {
			phase: 'start',
			media: { done: 0, total: mediaTotal, bytes: 0 },
			posts: { done: 0, total: postsTotal },
			finalize: { done: 0, total: 0 },
			rate: 0,
			secondsLeft: null,
			paused: false,
		};
	}

	phase( phase: Phase ): void {
		this.state.phase = phase;
		this.publish();
	}

	mediaDone( bytes: number ): void {
		this.state.media.done++;
		this.state.media.bytes += bytes;
		this.publish();
	}

	postsDone( count: number ): void {
		this.state.posts.done += count;
		this.publish();
	}

	finalize( done: number, total: number ): void {
		this.state.finalize = { done, total };
		this.publish();
	}

	paused( paused: boolean ): void {
		this.state.paused = paused;
		this.publish();
	}

	snapshot(): ImportProgress {
		return {
			...this.state,
			media: { ...this.state.media },
			posts: { ...this.state.posts },
			finalize: { ...this.state.finalize },
		};
	}

	private publish(): void {
		const { media, posts } = this.state;
		const done = media.done + posts.done;
		const seconds = ( Date.now() - this.started ) / 1000;
		this.state.rate = seconds > 0 ? done / seconds : 0;
		const left = media.total - media.done + ( posts.total - posts.done );
		this.state.secondsLeft =
			this.state.rate > 0 && done > 0 ? left / this.state.rate : null;
		this.emit( this.snapshot() );
	}
}
