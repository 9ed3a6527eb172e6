<?php
/**
 * Plugin Name:       Windows Live Spaces Importer
 * Plugin URI:        https://wordpress.org/plugins/spaces-importer/
 * Description:       Brings a Windows Live Spaces blog home: posts with their dates, categories and original addresses, from the archive you downloaded or saved.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      7.4
 * Author:            Spaces Importer contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       spaces-importer
 * Domain Path:       /languages
 *
 * @package SpacesImporter
 */

defined( 'ABSPATH' ) || exit;

define( 'SPACES_IMPORTER_VERSION', '0.1.0' );
define( 'SPACES_IMPORTER_FILE', __FILE__ );
define( 'SPACES_IMPORTER_DIR', plugin_dir_path( __FILE__ ) );

require_once SPACES_IMPORTER_DIR . 'includes/class-plugin.php';

\SpacesImporter\Plugin::instance()->register();
