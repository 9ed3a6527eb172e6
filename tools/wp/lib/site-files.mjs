/**
 * The files a local site is made of besides WordPress itself: its
 * configuration, PHP's router, a must-use plugin, and the PHP scripts that
 * install and configure it without wp-cli.
 */

/**
 * Quotes a value as a PHP single-quoted string.
 *
 * @param {string} value Text.
 * @return {string} PHP literal.
 */
export function phpString( value ) {
	return (
		"'" +
		String( value ).replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) +
		"'"
	);
}

/**
 * wp-config.php. It is written again on every start, so the port (part of
 * the site's address) may change between runs.
 *
 * @param {Object}                config             Values.
 * @param {string}                config.url         Site address.
 * @param {'sqlite'|'mariadb'}    config.db          Database kind.
 * @param {Object}                [config.mariadb]   Database name, user, password and host.
 * @param {Object<string,string>} config.salts       Keys and salts.
 * @param {boolean}               [config.multisite] A network of sites (sub-folders).
 * @return {string} PHP source.
 */
export function wpConfig( { url, db, mariadb, salts, multisite = false } ) {
	const database =
		db === 'mariadb'
			? {
					DB_NAME: mariadb.database,
					DB_USER: mariadb.user,
					DB_PASSWORD: mariadb.password,
					DB_HOST: mariadb.dbHost,
				}
			: {
					// Read by the SQLite drop-in (wp-content/db.php); the file lives
					// outside the web-served tree.
					DB_NAME: 'wordpress',
					DB_USER: '',
					DB_PASSWORD: '',
					DB_HOST: 'localhost',
				};
	const define = ( name, value ) =>
		`define( ${ phpString( name ) }, ${
			typeof value === 'string' ? phpString( value ) : String( value )
		} );`;
	const lines = [
		'<?php',
		'/**',
		' * A local site made by tools/wp/lib/site.mjs, which rewrites this file on',
		' * every start: change the generator rather than this file.',
		' */',
		'',
		...Object.entries( database ).map( ( [ name, value ] ) =>
			define( name, value )
		),
		define( 'DB_CHARSET', 'utf8mb4' ),
		define( 'DB_COLLATE', '' ),
		...( db === 'sqlite'
			? [
					"define( 'DB_DIR', __DIR__ . '/.site/database/' );",
					define( 'DB_FILE', 'wordpress.sqlite' ),
				]
			: [] ),
		'',
		...Object.entries( salts ).map( ( [ name, value ] ) =>
			define( name, value )
		),
		'',
		"$table_prefix = 'wp_';",
		'',
		...( multisite
			? [
					'// A network of sites in sub-folders. The setup scripts load WordPress as',
					'// a single site (WP_LOCAL_SINGLE_SITE) to create the network and to move',
					'// its addresses when the port changes.',
					define( 'WP_ALLOW_MULTISITE', true ),
					"if ( ! getenv( 'WP_LOCAL_SINGLE_SITE' ) ) {",
					'\t' + define( 'MULTISITE', true ),
					'\t' + define( 'SUBDOMAIN_INSTALL', false ),
					'\t' + define( 'DOMAIN_CURRENT_SITE', new URL( url ).host ),
					'\t' + define( 'PATH_CURRENT_SITE', '/' ),
					'\t' + define( 'SITE_ID_CURRENT_SITE', 1 ),
					'\t' + define( 'BLOG_ID_CURRENT_SITE', 1 ),
					'}',
				]
			: [ define( 'WP_HOME', url ), define( 'WP_SITEURL', url ) ] ),
		'',
		'// Application passwords need HTTPS unless the site says it is local.',
		define( 'WP_ENVIRONMENT_TYPE', 'local' ),
		'// Offline: no calls to wordpress.org, no updates, no cron on page loads.',
		define( 'WP_HTTP_BLOCK_EXTERNAL', true ),
		define( 'AUTOMATIC_UPDATER_DISABLED', true ),
		define( 'WP_AUTO_UPDATE_CORE', false ),
		define( 'DISABLE_WP_CRON', true ),
		define( 'FS_METHOD', 'direct' ),
		'',
		'// Errors go to a log file: displayed notices would corrupt REST responses.',
		define( 'WP_DEBUG', true ),
		"define( 'WP_DEBUG_LOG', __DIR__ . '/debug.log' );",
		define( 'WP_DEBUG_DISPLAY', false ),
		'',
		"if ( ! defined( 'ABSPATH' ) ) {",
		"\tdefine( 'ABSPATH', __DIR__ . '/' );",
		'}',
		"require_once ABSPATH . 'wp-settings.php';",
		'',
	];
	return lines.join( '\n' );
}

/** Router for PHP's built-in server, which has no rewrite rules. */
export const ROUTER_PHP = `<?php
/**
 * Router for PHP's built-in server, which has no rewrite rules: real files
 * are served as they are and every other path goes to WordPress's index.php,
 * as WordPress's Apache rules do (pretty permalinks, /wp-json/).
 */
$root = dirname( __DIR__ );
$path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

// The site's tooling folder (.site/, with the SQLite database), logs and
// dot-segment tricks are not for the web.
if ( preg_match( '#(^|/)\\.|\\.log$|\\x00#', $path ) ) {
	http_response_code( 404 );
	return true;
}

$file = $root . $path;
if ( is_file( $file ) ) {
	return false;
}

// A network in sub-folders: /site/wp-admin/…, /site/wp-includes/…,
// /site/wp-content/… and /site/*.php are WordPress's own files, as
// WordPress's rewrite rules for such networks say.
if ( is_file( __DIR__ . '/multisite' ) && preg_match( '#^/[_0-9a-zA-Z-]+(/(?:wp-(?:admin|includes|content)(?:/.*)?|[^/]+\\.php))$#', $path, $match ) ) {
	$inner = $match[1];
	if ( '/wp-admin' === $inner ) {
		header( 'Location: ' . $path . '/', true, 301 );
		return true;
	}
	if ( '/' === substr( $inner, -1 ) ) {
		$inner .= 'index.php';
	}
	$target = $root . $inner;
	if ( is_file( $target ) ) {
		if ( '.php' === substr( $target, -4 ) ) {
			$_SERVER['SCRIPT_NAME']     = $inner;
			$_SERVER['PHP_SELF']        = $inner;
			$_SERVER['SCRIPT_FILENAME'] = $target;
			chdir( dirname( $target ) );
			require $target;
			return true;
		}
		$types = array(
			'css'   => 'text/css',
			'js'    => 'text/javascript',
			'json'  => 'application/json',
			'svg'   => 'image/svg+xml',
			'png'   => 'image/png',
			'gif'   => 'image/gif',
			'jpg'   => 'image/jpeg',
			'jpeg'  => 'image/jpeg',
			'webp'  => 'image/webp',
			'woff'  => 'font/woff',
			'woff2' => 'font/woff2',
			'ttf'   => 'font/ttf',
		);
		$extension = strtolower( pathinfo( $target, PATHINFO_EXTENSION ) );
		header( 'Content-Type: ' . ( isset( $types[ $extension ] ) ? $types[ $extension ] : 'application/octet-stream' ) );
		header( 'Content-Length: ' . filesize( $target ) );
		readfile( $target );
		return true;
	}
}
if ( is_dir( $file ) && is_file( rtrim( $file, '/' ) . '/index.php' ) ) {
	if ( '/' !== substr( $path, -1 ) ) {
		$query = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
		header( 'Location: ' . $path . '/' . ( $query ? '?' . $query : '' ), true, 301 );
		return true;
	}
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir( $root );
require $root . '/index.php';
`;

/** Must-use plugin keeping a local site offline and quiet. */
export const MU_PLUGIN_PHP = `<?php
/**
 * Plugin Name: Local site: offline and quiet
 * Description: There is no mail transport and no route to wordpress.org on a local site: mail is recorded in .site/mail.log instead of sent, outside HTTP requests fail at once instead of timing out, and update checks are skipped.
 */

add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, $atts ) {
		$record = array(
			'time'    => gmdate( 'c' ),
			'to'      => $atts['to'],
			'subject' => $atts['subject'],
			'message' => $atts['message'],
		);
		// Tests read this file to check what would have been sent.
		file_put_contents( ABSPATH . '.site/mail.log', wp_json_encode( $record ) . "\\n", FILE_APPEND | LOCK_EX );
		return true;
	},
	10,
	2
);

add_filter(
	'pre_http_request',
	static function ( $response, $args, $url ) {
		$host = strtolower( (string) wp_parse_url( $url, PHP_URL_HOST ) );
		$home = strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) );
		if ( '' === $host || in_array( $host, array( 'localhost', '127.0.0.1', '[::1]', $home ), true ) ) {
			return $response;
		}
		return new WP_Error( 'http_request_blocked', 'Outside HTTP requests are blocked on this local site.' );
	},
	1,
	3
);

/**
 * Reports everything as up to date: update checks could only fail here.
 *
 * @return object A fresh update transient with no updates.
 */
function spaces_local_site_no_updates() {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => get_bloginfo( 'version' ),
		'updates'         => array(),
		'response'        => array(),
		'no_update'       => array(),
		'translations'    => array(),
		'checked'         => array(),
	);
}
foreach ( array( 'update_core', 'update_plugins', 'update_themes' ) as $spaces_local_site_transient ) {
	add_filter( 'pre_site_transient_' . $spaces_local_site_transient, 'spaces_local_site_no_updates' );
}
unset( $spaces_local_site_transient );

// The events and news widget fetches from wordpress.org.
add_action(
	'wp_dashboard_setup',
	static function () {
		remove_meta_box( 'dashboard_primary', 'dashboard', 'side' );
	}
);
`;

/**
 * PHP reads these scripts from stdin, and then does not define the STDOUT
 * and STDERR constants that CLI code expects.
 */
export const STREAMS_PHP = `if ( ! defined( 'STDOUT' ) ) { define( 'STDOUT', fopen( 'php://stdout', 'w' ) ); } if ( ! defined( 'STDERR' ) ) { define( 'STDERR', fopen( 'php://stderr', 'w' ) ); }`;

/** Marks where a setup script's JSON result starts in its output. */
export const RESULT_MARKER = '\n@@WP-LOCAL-RESULT@@';

/**
 * Lines that make a PHP CLI run look like a request to the site, so code
 * reading the host does not warn.
 *
 * @param {string} host Host and port.
 * @return {string} PHP statements.
 */
export function requestPrelude( host ) {
	return `$_SERVER['HTTP_HOST'] = ${ phpString( host ) }; $_SERVER['SERVER_NAME'] = ${ phpString(
		host.split( ':' )[ 0 ]
	) }; $_SERVER['REQUEST_URI'] = '/';`;
}

/**
 * The start of every setup script: the CLI's streams, the configuration from
 * WP_LOCAL_SETUP (JSON) in $setup, a request to the site's host, WordPress
 * loaded with one of its admin includes, and errors shown on stderr.
 *
 * @param {string} adminInclude File of wp-admin/includes/ to load.
 * @return {string} PHP statements.
 */
function setupPrelude( adminInclude ) {
	return `${ STREAMS_PHP }
$setup = json_decode( getenv( 'WP_LOCAL_SETUP' ), true );
$_SERVER['HTTP_HOST']   = $setup['host'];
$_SERVER['REQUEST_URI'] = '/';
require $setup['dir'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/${ adminInclude }';
ini_set( 'display_errors', 'stderr' );`;
}

/** Installs WordPress; the configuration comes in WP_LOCAL_SETUP (JSON). */
export const INSTALL_PHP = `<?php
define( 'WP_INSTALLING', true );
${ setupPrelude( 'upgrade.php' ) }

if ( is_blog_installed() ) {
	fwrite( STDERR, "WordPress is already installed in this database.\\n" );
	exit( 1 );
}
$result = wp_install( $setup['title'], $setup['adminUser'], $setup['adminEmail'], true, '', wp_slash( $setup['adminPassword'] ) );
echo ${ phpString( RESULT_MARKER ) } . wp_json_encode( array( 'userId' => $result['user_id'] ) );
`;

/**
 * Makes an installed site the main site of a network in sub-folders, once,
 * and on every start moves the network's addresses to the current host
 * (the port may change between runs). Runs with WordPress loaded as a
 * single site (WP_LOCAL_SINGLE_SITE), as the network does not exist yet or
 * still has the old address.
 */
export const NETWORK_PHP = `<?php
${ setupPrelude( 'upgrade.php' ) }
global $wpdb;
// A single site does not name the network's tables (as wp-admin/network.php).
foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed_table ) {
	$wpdb->$table = $prefixed_table;
}

$created = false;
if ( ! $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->site ) ) || ! $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->site}" ) ) {
	install_network();
	$result = populate_network( 1, $setup['host'], $setup['adminEmail'], $setup['title'], '/', false );
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, 'Creating the network failed: ' . $result->get_error_message() . "\\n" );
		exit( 1 );
	}
	$created = true;
}

// The network's address follows the site's current host and port.
$old = (string) $wpdb->get_var( "SELECT domain FROM {$wpdb->site} WHERE id = 1" );
if ( $old !== $setup['host'] ) {
	$from = 'http://' . $old;
	$to   = 'http://' . $setup['host'];
	$wpdb->update( $wpdb->site, array( 'domain' => $setup['host'] ), array( 'id' => 1 ) );
	$wpdb->update( $wpdb->blogs, array( 'domain' => $setup['host'] ), array( 'domain' => $old ) );
	$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->sitemeta} SET meta_value = REPLACE( meta_value, %s, %s ) WHERE meta_key = 'siteurl'", $from, $to ) );
	foreach ( $wpdb->get_col( "SELECT blog_id FROM {$wpdb->blogs}" ) as $blog_id ) {
		$options = 1 === (int) $blog_id ? $wpdb->base_prefix . 'options' : $wpdb->base_prefix . (int) $blog_id . '_options';
		$wpdb->query( $wpdb->prepare( "UPDATE {$options} SET option_value = REPLACE( option_value, %s, %s ) WHERE option_name IN ( 'siteurl', 'home' )", $from, $to ) );
	}
}
$home = 'http://' . $setup['host'];
update_option( 'siteurl', $home );
update_option( 'home', $home );

echo ${ phpString( RESULT_MARKER ) } . wp_json_encode( array( 'created' => $created ) );
`;

/**
 * Configures an installed site with all its plugins loaded as on a normal
 * request: settings of a new site, plugin activation (as from the Plugins
 * screen, so activation hooks run), and an application password.
 */
export const CONFIGURE_PHP = `<?php
${ setupPrelude( 'plugin.php' ) }

function spaces_local_fail( $message ) {
	fwrite( STDERR, $message . "\\n" );
	exit( 1 );
}

if ( $setup['fresh'] ) {
	// Gravatar cannot be reached from a local site.
	update_option( 'show_avatars', 0 );
	update_option( 'permalink_structure', $setup['permalinks'] );
}

$activated = array();
foreach ( $setup['plugins'] as $slug ) {
	wp_cache_delete( 'plugins', 'plugins' );
	$headers = get_plugins( '/' . $slug );
	if ( ! $headers ) {
		spaces_local_fail( "wp-content/plugins/$slug has no PHP file with a plugin header (Plugin Name:), so it cannot be activated." );
	}
	$file   = isset( $headers[ $slug . '.php' ] ) ? $slug . '.php' : array_key_first( $headers );
	$plugin = $slug . '/' . $file;
	$network_wide = ! empty( $setup['multisite'] );
	if ( $network_wide ? ! is_plugin_active_for_network( $plugin ) : ! is_plugin_active( $plugin ) ) {
		$result = activate_plugin( $plugin, '', $network_wide, false );
		if ( is_wp_error( $result ) ) {
			$output = $result->get_error_data();
			spaces_local_fail(
				"Activating the plugin $plugin failed: " . $result->get_error_message()
				. ( is_string( $output ) && '' !== $output ? "\\nIt printed:\\n" . $output : '' )
			);
		}
		if ( ! is_plugin_active( $plugin ) ) {
			spaces_local_fail( "The plugin $plugin is still inactive after activation." );
		}
	}
	$activated[ $slug ] = $plugin;
}

// Rebuilt on the next request, with the rules of every active plugin.
delete_option( 'rewrite_rules' );

$user = get_user_by( 'login', $setup['adminUser'] );
if ( ! $user ) {
	spaces_local_fail( 'The administrator ' . $setup['adminUser'] . ' does not exist.' );
}
$app = null;
if ( empty( $setup['appPasswordUuid'] ) || ! WP_Application_Passwords::get_user_application_password( $user->ID, $setup['appPasswordUuid'] ) ) {
	$created = WP_Application_Passwords::create_new_application_password(
		$user->ID,
		array( 'name' => 'Local tools ' . gmdate( 'Y-m-d H:i:s' ) )
	);
	if ( is_wp_error( $created ) ) {
		spaces_local_fail( 'Creating an application password failed: ' . $created->get_error_message() );
	}
	$app = array(
		'password' => $created[0],
		'uuid'     => $created[1]['uuid'],
	);
}

echo ${ phpString( RESULT_MARKER ) } . wp_json_encode(
	array(
		'activated'       => $activated,
		'app'             => $app,
		'passwordMatches' => wp_check_password( $setup['adminPassword'], $user->user_pass, $user->ID ),
		'version'         => get_bloginfo( 'version' ),
	)
);
`;
