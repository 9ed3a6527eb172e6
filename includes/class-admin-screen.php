<?php
/**
 * The importer's screen under Tools → Import.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the importer and loads the React app on its screen only.
 */
class Admin_Screen {

	const IMPORTER_ID   = 'spaces-importer';
	const SCRIPT_HANDLE = 'spaces-importer-admin';
	const ROOT_ID       = 'spaces-importer-root';

	/**
	 * Registers the importer entry and the hook that loads the screen's assets.
	 */
	public function register() {
		if ( ! function_exists( 'register_importer' ) ) {
			require_once ABSPATH . 'wp-admin/includes/import.php';
		}
		register_importer(
			self::IMPORTER_ID,
			__( 'Windows Live Spaces', 'spaces-importer' ),
			__( 'Import posts, comments and images from a Windows Live Spaces archive (space.zip) or saved Spaces pages.', 'spaces-importer' ),
			array( $this, 'render' )
		);
		add_action( 'load-importer-' . self::IMPORTER_ID, array( $this, 'load' ) );
	}

	/**
	 * Runs only when the importer's screen loads.
	 */
	public function load() {
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Enqueues the built app, with its dependencies and version from the build.
	 */
	public function enqueue() {
		$asset_file = SPACES_IMPORTER_DIR . 'build/admin.asset.php';
		if ( ! file_exists( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script(
			self::SCRIPT_HANDLE,
			plugins_url( 'build/admin.js', SPACES_IMPORTER_FILE ),
			$asset['dependencies'],
			$asset['version'],
			true
		);
		wp_set_script_translations( self::SCRIPT_HANDLE, 'spaces-importer', SPACES_IMPORTER_DIR . 'languages' );
		wp_add_inline_script(
			self::SCRIPT_HANDLE,
			'window.spacesImporterSettings = ' . wp_json_encode( $this->initial_state() ) . ';',
			'before'
		);
		wp_enqueue_style( 'wp-components' );
		if ( file_exists( SPACES_IMPORTER_DIR . 'build/admin.css' ) ) {
			wp_enqueue_style( self::SCRIPT_HANDLE, plugins_url( 'build/admin.css', SPACES_IMPORTER_FILE ), array( 'wp-components' ), $asset['version'] );
			wp_style_add_data( self::SCRIPT_HANDLE, 'rtl', 'replace' );
		}
	}

	/**
	 * What the app needs to know before its first request.
	 *
	 * @return array
	 */
	private function initial_state() {
		// The REST paths and the run's limits come from the client and the run.
		return array(
			'postsUrl'     => admin_url( 'edit.php' ),
			// The preview names the archive's files this site would refuse.
			'allowedTypes' => Media_Type_Check::allowed_types(),
		);
	}

	/**
	 * Prints the screen: a heading and the app's root.
	 */
	public function render() {
		if ( ! current_user_can( 'import' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to import into this site.', 'spaces-importer' ) );
		}
		echo '<div class="wrap">';
		echo '<h1>' . esc_html__( 'Import from Windows Live Spaces', 'spaces-importer' ) . '</h1>';
		if ( ! file_exists( SPACES_IMPORTER_DIR . 'build/admin.asset.php' ) ) {
			echo '<div class="notice notice-error"><p>' . esc_html__( 'The importer’s screen has not been built. Build the plugin (npm run build) or install a released copy.', 'spaces-importer' ) . '</p></div>';
		}
		echo '<div id="' . esc_attr( self::ROOT_ID ) . '"></div>';
		echo '</div>';
	}
}
