<?php
/**
 * Import runs: one private post each, found again by the archive's fingerprint.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps the record of each import run, so a run can be resumed, reported and undone.
 *
 * Everything a run creates carries the run's id in meta ({@see Item_Meta::RUN}):
 * posts, comments, attachments and terms. That is how finalize and undo find it again.
 */
class Run_Store {

	const POST_TYPE        = 'spaces_import_run';
	const META_FINGERPRINT = '_spaces_importer_fingerprint';
	const META_TOTALS      = '_spaces_importer_totals';
	const META_STATE       = '_spaces_importer_state';
	const META_OPTIONS     = '_spaces_importer_options';

	const STATE_RUNNING  = 'running';
	const STATE_COMPLETE = 'complete';
	const STATE_UNDONE   = 'undone';

	/**
	 * How many runs a list answers at most.
	 */
	const LIST_LIMIT = 20;

	/**
	 * The longest post body a request may carry, in characters.
	 */
	const MAX_POST_BYTES = 2097152;

	/**
	 * The longest comment a request may carry, in characters.
	 */
	const MAX_COMMENT_BYTES = 65536;

	/**
	 * Counts and failures of the runs.
	 *
	 * @var Run_Report
	 */
	private $report;

	/**
	 * Constructor.
	 *
	 * @param Run_Report|null $report Counts and failures of the runs.
	 */
	public function __construct( $report = null ) {
		$this->report = $report ? $report : new Run_Report();
	}

	/**
	 * The runs' counts and failures.
	 *
	 * @return Run_Report
	 */
	public function report() {
		return $this->report;
	}

	/**
	 * Registers the private post type that holds runs.
	 */
	public static function register_post_type() {
		register_post_type(
			self::POST_TYPE,
			array(
				'labels'       => array(
					'name'          => __( 'Spaces import runs', 'spaces-importer' ),
					'singular_name' => __( 'Spaces import run', 'spaces-importer' ),
				),
				'public'       => false,
				'show_ui'      => false,
				'show_in_rest' => false,
				'rewrite'      => false,
				'query_var'    => false,
				'can_export'   => false,
				'supports'     => array( 'title', 'author' ),
			)
		);
	}

	/**
	 * Finds a user's newest unfinished run for an archive, or null.
	 *
	 * @param string $fingerprint The archive's fingerprint.
	 * @param int    $user_id     The user who started it: a run is only ever resumed by them.
	 * @return \WP_Post|null
	 */
	public function find_unfinished( $fingerprint, $user_id ) {
		$runs = $this->query(
			array(
				array(
					'key'   => self::META_FINGERPRINT,
					'value' => $fingerprint,
				),
				array(
					'key'   => self::META_STATE,
					'value' => self::STATE_RUNNING,
				),
			),
			1,
			(int) $user_id
		);
		return $runs ? $runs[0] : null;
	}

	/**
	 * The runs of an archive, or of the whole site, newest first.
	 *
	 * @param string $fingerprint The archive's fingerprint, or '' for every run.
	 * @param int    $user_id     Only the runs this user started, or 0 for everyone's.
	 * @return \WP_Post[]
	 */
	public function find_all( $fingerprint, $user_id = 0 ) {
		$meta_query = array();
		if ( '' !== $fingerprint ) {
			$meta_query[] = array(
				'key'   => self::META_FINGERPRINT,
				'value' => $fingerprint,
			);
		}
		return $this->query( $meta_query, self::LIST_LIMIT, (int) $user_id );
	}

	/**
	 * Runs matching a meta query, newest first.
	 *
	 * @param array $meta_query Meta query clauses.
	 * @param int   $limit      How many at most.
	 * @param int   $user_id    Only the runs this user started, or 0 for everyone's.
	 * @return \WP_Post[]
	 */
	private function query( array $meta_query, $limit, $user_id = 0 ) {
		return get_posts(
			array(
				'author'           => $user_id ? $user_id : '',
				'post_type'        => self::POST_TYPE,
				'post_status'      => 'private',
				'posts_per_page'   => $limit,
				'orderby'          => 'ID',
				'order'            => 'DESC',
				'suppress_filters' => true,
				'meta_query'       => $meta_query, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- runs are few.
			)
		);
	}

	/**
	 * Creates a run.
	 *
	 * @param string $fingerprint The archive's fingerprint.
	 * @param string $name        The archive's file name, for people.
	 * @param array  $totals      What the archive holds, by kind (posts, comments, media).
	 * @param array  $options     The owner's choices, already checked.
	 * @return \WP_Post|\WP_Error
	 */
	public function create( $fingerprint, $name, array $totals, array $options ) {
		$id = wp_insert_post(
			array(
				'post_type'   => self::POST_TYPE,
				'post_status' => 'private',
				'post_title'  => sanitize_text_field( $name ),
				'post_author' => get_current_user_id(),
				'meta_input'  => array(
					self::META_FINGERPRINT => $fingerprint,
					self::META_TOTALS      => $totals,
					self::META_STATE       => self::STATE_RUNNING,
					self::META_OPTIONS     => $options,
				),
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$this->report->start( $id );
		return get_post( $id );
	}

	/**
	 * Returns a run by id, or null when there is no such run.
	 *
	 * @param int $id Run id.
	 * @return \WP_Post|null
	 */
	public function get( $id ) {
		$post = get_post( (int) $id );
		return ( $post && self::POST_TYPE === $post->post_type ) ? $post : null;
	}

	/**
	 * The run's state: running, complete or undone.
	 *
	 * @param \WP_Post $run The run.
	 * @return string
	 */
	public function state( \WP_Post $run ) {
		return (string) get_post_meta( $run->ID, self::META_STATE, true );
	}

	/**
	 * Sets the run's state.
	 *
	 * @param \WP_Post $run   The run.
	 * @param string   $state One of the STATE_* constants.
	 */
	public function set_state( \WP_Post $run, $state ) {
		update_post_meta( $run->ID, self::META_STATE, $state );
	}

	/**
	 * The owner's choices stored with the run.
	 *
	 * @param \WP_Post $run The run.
	 * @return array
	 */
	public function options( \WP_Post $run ) {
		$options = get_post_meta( $run->ID, self::META_OPTIONS, true );
		// Runs started before options were stored get the defaults, as their owner would have.
		return Run_Options::with_defaults( is_array( $options ) ? $options : array(), (int) $run->post_author );
	}

	/**
	 * The archive's fingerprint the run was started with.
	 *
	 * @param \WP_Post $run The run.
	 * @return string
	 */
	public function fingerprint( \WP_Post $run ) {
		return (string) get_post_meta( $run->ID, self::META_FINGERPRINT, true );
	}

	/**
	 * What the archive holds, by kind, as the client said when starting.
	 *
	 * @param \WP_Post $run The run.
	 * @return array
	 */
	public function totals( \WP_Post $run ) {
		$totals = get_post_meta( $run->ID, self::META_TOTALS, true );
		return is_array( $totals ) ? $totals : array();
	}

	/**
	 * Counts the posts already on this site from any run of the same
	 * archives, in one query for all of them.
	 *
	 * @param string[] $fingerprints The archives' fingerprints.
	 * @return array<string,int> Posts by fingerprint; an archive with none is left out.
	 */
	public function count_imported_posts( array $fingerprints ) {
		$fingerprints = array_values( array_unique( array_filter( array_map( 'strval', $fingerprints ) ) ) );
		if ( ! $fingerprints ) {
			return array();
		}
		global $wpdb;
		$placeholders = implode( ',', array_fill( 0, count( $fingerprints ), '%s' ) );
		// Posts whose run shares a fingerprint, grouped by it.
		$rows   = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an aggregate WP_Query cannot express.
			$wpdb->prepare(
				"SELECT fp.meta_value AS fingerprint, COUNT( DISTINCT p.ID ) AS posts FROM {$wpdb->posts} p
				INNER JOIN {$wpdb->postmeta} run_meta ON run_meta.post_id = p.ID AND run_meta.meta_key = %s
				INNER JOIN {$wpdb->postmeta} fp ON fp.post_id = CAST( run_meta.meta_value AS UNSIGNED ) AND fp.meta_key = %s
				WHERE fp.meta_value IN ( $placeholders ) AND p.post_type = 'post' AND p.post_status <> 'trash'
				GROUP BY fp.meta_value", // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
				array_merge( array( Item_Meta::RUN, self::META_FINGERPRINT ), $fingerprints )
			)
		);
		$counts = array();
		foreach ( $rows as $row ) {
			$counts[ $row->fingerprint ] = (int) $row->posts;
		}
		return $counts;
	}

	/**
	 * What a client must respect when sending this site an import.
	 *
	 * @return array
	 */
	public static function limits() {
		/**
		 * Filters how many posts one request may carry.
		 *
		 * @param int $per_request Posts per request.
		 */
		$posts_per_request = (int) apply_filters( 'spaces_importer_posts_per_request', 50 );
		/**
		 * Filters how many comments one posts request may carry, over all its
		 * posts; a post with more is sent in several requests.
		 *
		 * @param int $per_request Comments per request.
		 */
		$comments_per_request = (int) apply_filters( 'spaces_importer_comments_per_request', 1000 );
		/**
		 * Filters how large a posts request may be, in bytes.
		 *
		 * @param int $bytes Bytes per request.
		 */
		$request_bytes = (int) apply_filters( 'spaces_importer_request_bytes', 8 * MB_IN_BYTES );
		$post_max      = wp_convert_hr_to_bytes( (string) ini_get( 'post_max_size' ) );
		if ( $post_max > 0 ) {
			$request_bytes = min( $request_bytes, $post_max );
		}
		/**
		 * Filters how many files one media request may carry.
		 *
		 * @param int $per_request Files per request.
		 */
		$media_per_request = (int) apply_filters( 'spaces_importer_media_per_request', 20 );
		$file_uploads      = (int) ini_get( 'max_file_uploads' );
		if ( $file_uploads > 0 ) {
			$media_per_request = min( $media_per_request, $file_uploads );
		}
		return array(
			'postsPerRequest'       => max( 1, min( 200, $posts_per_request ) ),
			'mediaFilesPerRequest'  => max( 1, min( 100, $media_per_request ) ),
			'maxCommentsPerRequest' => max( 1, min( 5000, $comments_per_request ) ),
			'maxRequestBytes'       => max( 256 * KB_IN_BYTES, $request_bytes ),
			'maxPostBytes'          => self::MAX_POST_BYTES,
			'maxCommentBytes'       => self::MAX_COMMENT_BYTES,
			'maxUploadBytes'        => (int) wp_max_upload_size(),
			'allowedTypes'          => Media_Type_Check::allowed_types(),
		);
	}
}
