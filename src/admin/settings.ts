/**
 * What the PHP screen prints before the app (see Admin_Screen::initial_state).
 */
export interface ScreenSettings {
	/** The Posts screen, for links to the imported posts. */
	postsUrl: string;
	/**
	 * The image and video types this site accepts from the user, so the
	 * preview can name the files it would refuse; unknown when absent.
	 */
	allowedTypes?: string[];
}

declare global {
	interface Window {
		spacesImporterSettings?: ScreenSettings;
	}
}

const FALLBACK: ScreenSettings = {
	postsUrl: 'edit.php',
};

/**
 * The screen's settings, or safe defaults when none were printed.
 *
 * @return The settings.
 */
export function getSettings(): ScreenSettings {
	return window.spacesImporterSettings ?? FALLBACK;
}
