/**
 * What the PHP screen prints before the app (see Admin_Screen::initial_state).
 */
export interface ScreenSettings {
	restNamespace: string;
	postsUrl: string;
	limits: { postsPerRequest: number };
}

declare global {
	interface Window {
		spacesImporterSettings?: ScreenSettings;
	}
}

const FALLBACK: ScreenSettings = {
	restNamespace: 'spaces-importer/v1',
	postsUrl: 'edit.php',
	limits: { postsPerRequest: 50 },
};

/**
 * The screen's settings, or safe defaults when none were printed.
 *
 * @return The settings.
 */
export function getSettings(): ScreenSettings {
	return window.spacesImporterSettings ?? FALLBACK;
}
