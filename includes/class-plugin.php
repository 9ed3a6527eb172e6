<?php
/**
 * Wires the plugin's parts to WordPress hooks.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/class-dates.php';
require_once __DIR__ . '/class-import-mode.php';
require_once __DIR__ . '/class-item-meta.php';
require_once __DIR__ . '/class-run-options.php';
require_once __DIR__ . '/class-run-report.php';
require_once __DIR__ . '/class-run-store.php';
require_once __DIR__ . '/class-media-type-check.php';
require_once __DIR__ . '/class-upload-quota.php';
require_once __DIR__ . '/class-image-sizes.php';
require_once __DIR__ . '/class-media-library.php';
require_once __DIR__ . '/class-body-rewriter.php';
require_once __DIR__ . '/class-term-writer.php';
require_once __DIR__ . '/class-comment-writer.php';
require_once __DIR__ . '/class-item-lock.php';
require_once __DIR__ . '/class-post-writer.php';
require_once __DIR__ . '/class-run-finalizer.php';
require_once __DIR__ . '/class-run-undo.php';
require_once __DIR__ . '/class-legacy-redirects.php';
require_once __DIR__ . '/class-original-post-block.php';
require_once __DIR__ . '/class-admin-screen.php';
require_once __DIR__ . '/class-posts-list-filter.php';
require_once __DIR__ . '/rest/class-permissions.php';
require_once __DIR__ . '/rest/class-controller.php';
require_once __DIR__ . '/rest/class-schemas.php';
require_once __DIR__ . '/rest/class-runs-controller.php';
require_once __DIR__ . '/rest/class-run-media-controller.php';
require_once __DIR__ . '/rest/class-run-posts-controller.php';
require_once __DIR__ . '/rest/class-run-finalize-controller.php';

/**
 * The loader: one place that knows which part listens to which hook.
 */
final class Plugin {

	/**
	 * The single instance.
	 *
	 * @var Plugin|null
	 */
	private static $instance = null;

	/**
	 * Returns the single instance.
	 *
	 * @return Plugin
	 */
	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * Hooks every part in.
	 */
	public function register() {
		add_action( 'init', array( Run_Store::class, 'register_post_type' ) );
		add_action( 'init', array( $this, 'load_textdomain' ) );
		add_action( 'init', array( new Original_Post_Block(), 'register' ) );
		( new Legacy_Redirects() )->register();
		add_action( 'admin_init', array( new Admin_Screen(), 'register' ) );
		( new Posts_List_Filter() )->register();
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Loads translations shipped with the plugin (WordPress.org language packs load by themselves).
	 */
	public function load_textdomain() {
		load_plugin_textdomain( 'spaces-importer', false, dirname( plugin_basename( SPACES_IMPORTER_FILE ) ) . '/languages' );
	}

	/**
	 * Registers the REST routes (namespace {@see REST\Controller::REST_NAMESPACE}).
	 */
	public function register_routes() {
		$store = new Run_Store();
		( new REST\Runs_Controller( $store, new Run_Undo( $store ) ) )->register_routes();
		( new REST\Run_Media_Controller( $store, new Media_Library() ) )->register_routes();
		( new REST\Run_Posts_Controller( $store, new Post_Writer( new Term_Writer(), new Comment_Writer(), new Item_Lock() ) ) )->register_routes();
		( new REST\Run_Finalize_Controller( $store, new Run_Finalizer( $store ) ) )->register_routes();
	}
}
