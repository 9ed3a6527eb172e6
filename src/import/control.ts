/**
 * Pause, resume and cancel for a run. The runner waits at `gate()` before
 * every request, so pausing lets the requests in flight finish and sends no
 * new one until resumed.
 */
export class RunControl {
	private readonly controller = new AbortController();
	private pauseGate: Promise< void > | null = null;
	private release: ( () => void ) | null = null;
	private readonly listeners = new Set< () => void >();

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	get paused(): boolean {
		return this.pauseGate !== null;
	}

	get cancelled(): boolean {
		return this.controller.signal.aborted;
	}

	pause(): void {
		if ( ! this.pauseGate && ! this.cancelled ) {
			this.pauseGate = new Promise( ( resolve ) => {
				this.release = resolve;
			} );
			this.notify();
		}
	}

	resume(): void {
		if ( this.release ) {
			this.release();
			this.pauseGate = null;
			this.release = null;
			this.notify();
		}
	}

	cancel(): void {
		this.controller.abort( new DOMException( 'Cancelled', 'AbortError' ) );
		this.resume();
	}

	/** Resolves when the run may send its next request; throws if cancelled. */
	async gate(): Promise< void > {
		this.signal.throwIfAborted();
		if ( this.pauseGate ) {
			await this.pauseGate;
		}
		this.signal.throwIfAborted();
	}

	/**
	 * Calls back when paused or resumed.
	 *
	 * @param listener Callback.
	 * @return Unsubscribe.
	 */
	subscribe( listener: () => void ): () => void {
		this.listeners.add( listener );
		return () => this.listeners.delete( listener );
	}

	private notify(): void {
		this.listeners.forEach( ( listener ) => listener() );
	}
}
