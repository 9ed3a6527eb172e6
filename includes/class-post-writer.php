<?php
/**
 * Writes normalized Spaces posts into WordPress.
 *
 * @package SpacesImporter
 */

namespace SpacesImporter;

defined( 'ABSPATH' ) || exit;

/**
 * Creates or updates posts from clean, normalized items; knows nothing of Spaces markup.
 *
 * A post's identity is its Spaces item id (`cns!<CID>!<N>`) in post meta, never
 * its title or date, so an archive imported twice adds nothing the second time.
 */
class Post_Writer {

	/**
	 * The block appended when the owner asks for it.
	 */
	const ORIGINAL_POST_BLOCK = '<!-- wp:spaces-importer/original-post /-->';

	/**
	 * Times a post is written before its failure is reported.
	 */
	const WRITE_ATTEMPTS = 3;

	/**
	 * Finds or creates categories and tags.
	 *
	 * @var Term_Writer
	 */
	private $terms;

	/**
	 * Writes comments.
	 *
	 * @var Comment_Writer
	 */
	private $comments;

	/**
	 * Keeps two requests from writing the same item at once.
	 *
	 * @var Item_Lock
	 */
	private $lock;

	/**
	 * Constructor.
	 *
	 * @param Term_Writer    $terms    Finds or creates categories and tags.
	 * @param Comment_Writer $comments Writes comments.
	 * @param Item_Lock      $lock     Keeps two requests from writing the same item at once.
	 */
	public function __construct( Term_Writer $terms, Comment_Writer $comments, Item_Lock $lock ) {
		$this->terms    = $terms;
		$this->comments = $comments;
		$this->lock     = $lock;
	}

	/**
	 * Work on rows other requests may write too (the images a post uses),
	 * done after the post's transaction so that no request waits on another.
	 *
	 * @var callable[]
	 */
	private $after_commit = array();

	/**
	 * Attachments this request gave a parent, whose caches are cleaned at the end.
	 *
	 * @var int[]
	 */
	private $attached = array();

	/**
	 * Of the addresses the batch's new posts will ask for, those a trashed
	 * post holds (as keys), and all that were looked up.
	 *
	 * @var array{trashed: array<string,bool>, checked: array<string,bool>}
	 */
	private $trashed_slugs = array(
		'trashed' => array(),
		'checked' => array(),
	);

	/**
	 * Whether a transaction of this request is open.
	 *
	 * @var bool
	 */
	private static $in_transaction = false;

	/**
	 * How many failed statements wpdb had recorded when the transaction began.
	 *
	 * @var int
	 */
	private static $errors_at_begin = 0;

	/**
	 * Writes a batch of posts for a run.
	 *
	 * Every post's lock is taken first (in the batch's order, which is the
	 * archive's, so two requests never wait on each other in a circle), and
	 * held until its writes are committed. The categories the posts need are
	 * made next, each committed at once so parallel requests find it. Then
	 * each post, its meta and its comments are written in one transaction:
	 * one commit (one flush to disk) for the post instead of one per row, and
	 * a request that dies half-way keeps the posts it finished.
	 *
	 * @param array $items   Normalized posts (see the REST schema of the run posts route).
	 * @param int   $run_id  The run they belong to.
	 * @param array $options The run's options ({@see Run_Options}).
	 * @return array One result per item, in order.
	 */
	public function write_batch( array $items, $run_id, array $options ) {
		Import_Mode::begin();
		self::guard();
		$claimed = $this->lock->claim_many( wp_list_pluck( $items, 'sourceId' ) );
		// Looked up under the locks: a copy of this batch sent meanwhile may have created them.
		$existing = Item_Meta::posts_by_source_ids( array_keys( array_filter( $claimed ) ) );
		$this->prepare_terms( $items, $existing, (int) $run_id, $options );
		$this->prepare_lookups( $items, $existing, $options );
		add_filter( 'add_trashed_suffix_to_trashed_posts', array( $this, 'trashed_post_has_slug' ), 10, 2 );

		$results = array();
		foreach ( $items as $item ) {
			if ( ! $claimed[ $item['sourceId'] ] ) {
				$results[] = array(
					'sourceId' => $item['sourceId'],
					'postId'   => 0,
					'status'   => 'failed',
					'message'  => __( 'Another request was still writing this post. Send it again.', 'spaces-importer' ),
					'comments' => array( 'created' => 0 ),
				);
				continue;
			}
			$post_id = isset( $existing[ $item['sourceId'] ] ) ? $existing[ $item['sourceId'] ] : 0;
			if ( $post_id && ! current_user_can( 'edit_post', $post_id ) ) {
				// Neither changed nor commented, and its id and address stay untold.
				$results[] = self::refused( $item['sourceId'], __( 'This post is already on the site and you are not allowed to edit it. It was left as it is, without the archive’s comments.', 'spaces-importer' ) );
				continue;
			}
			$result    = $this->write_in_transaction( $item, $post_id, (int) $run_id, $options );
			$results[] = $result;
			if ( $result['postId'] ) {
				// A later part of the same post in this batch finds it.
				$existing[ $item['sourceId'] ] = $result['postId'];
			}
		}
		remove_filter( 'add_trashed_suffix_to_trashed_posts', array( $this, 'trashed_post_has_slug' ), 10 );
		$this->comments->update_counts();
		$created = array();
		foreach ( $results as $result ) {
			if ( 'created' === $result['status'] ) {
				$created[] = $result['postId'];
			}
		}
		self::unique_slugs( $created );
		$this->lock->release_many( array_keys( array_filter( $claimed ) ) );
		$written = array_filter( wp_list_pluck( $results, 'postId' ) );
		Import_Mode::end( array_merge( $written, $this->attached ) );
		$this->attached = array();
		// Links come out after the counts are right again; the posts read back in one query.
		_prime_post_caches( $written, false, false );
		foreach ( $results as $index => $result ) {
			if ( $result['postId'] ) {
				$results[ $index ]['link'] = get_permalink( $result['postId'] );
			}
		}
		return $results;
	}

	/**
	 * Writes one post with its meta and comments in one transaction, and
	 * writes it again when the database failed a statement on the way: a
	 * deadlock between parallel requests rolls the whole transaction back,
	 * and the post must not be reported written when it is not there.
	 *
	 * @param array $item    The item.
	 * @param int   $post_id The existing post, or 0.
	 * @param int   $run_id  The run.
	 * @param array $options The run's options.
	 * @return array The item's result.
	 */
	private function write_in_transaction( array $item, $post_id, $run_id, array $options ) {
		global $EZSQL_ERROR;
		for ( $attempt = 1; ; $attempt++ ) {
			$this->after_commit = array();
			self::begin_transaction();
			$result = $this->write_one( $item, $post_id, $run_id, $options );
			if ( ! self::transaction_failed() ) {
				self::commit();
				foreach ( $this->after_commit as $task ) {
					$task();
				}
				return $result;
			}
			self::rollback();
			$this->after_commit = array();
			// Nothing the rolled-back transaction made may be served from a cache.
			$this->terms->forget();
			if ( ! $post_id && $result['postId'] ) {
				clean_post_cache( $result['postId'] );
			}
			if ( function_exists( 'wp_cache_flush_runtime' ) ) {
				wp_cache_flush_runtime();
			}
			if ( $attempt >= self::WRITE_ATTEMPTS ) {
				$error = end( $EZSQL_ERROR );
				return array(
					'sourceId' => $item['sourceId'],
					'postId'   => 0,
					'status'   => 'failed',
					'message'  => sprintf(
						/* translators: %s: the database's error message. */
						__( 'The database could not write this post (%s). Nothing of it was kept; send it again.', 'spaces-importer' ),
						is_array( $error ) && isset( $error['error_str'] ) ? $error['error_str'] : ''
					),
					'comments' => array( 'created' => 0 ),
				);
			}
		}
	}

	/**
	 * Makes, before the transaction, the categories or tags of the posts that
	 * will be written: a term made inside it would stay unseen by parallel
	 * requests until the commit, and they would make it again.
	 *
	 * @param array             $items    The batch.
	 * @param array<string,int> $existing Post ids by Spaces id.
	 * @param int               $run_id   The run.
	 * @param array             $options  The run's options.
	 */
	private function prepare_terms( array $items, array $existing, $run_id, array $options ) {
		if ( 'single' === $options['categories']['mode'] ) {
			return;
		}
		foreach ( $items as $item ) {
			$post_id = isset( $existing[ $item['sourceId'] ] ) ? $existing[ $item['sourceId'] ] : 0;
			if ( $post_id && ( 'update' !== $options['existing'] || ! current_user_can( 'edit_post', $post_id ) || get_post_meta( $post_id, Item_Meta::HASH, true ) === self::content_hash( $item, $options ) ) ) {
				continue;
			}
			$scratch  = array();
			$warnings = array();
			// The term writer keeps the ids for the rest of the request.
			$this->add_terms( $scratch, $item['categories'], $run_id, $options, $warnings );
		}
	}

	/**
	 * Reads, in two or three queries for the whole batch, what writing each
	 * post would otherwise look up one by one: the images' attachments and
	 * their meta, and which of the addresses the new posts will take are
	 * held by trashed posts.
	 *
	 * @param array             $items    The batch.
	 * @param array<string,int> $existing Post ids by Spaces id.
	 * @param array             $options  The run's options.
	 */
	private function prepare_lookups( array $items, array $existing, array $options ) {
		global $wpdb;
		$attachments = array();
		$slugs       = array();
		foreach ( $items as $item ) {
			if ( $options['images'] ) {
				foreach ( $item['images'] as $image ) {
					$attachments[] = (int) $image['attachmentId'];
				}
			}
			if ( ! isset( $existing[ $item['sourceId'] ] ) ) {
				// The address WordPress derives from the title (see wp_insert_post()).
				$slugs[] = sanitize_title( self::stored_title( $item['title'] ) );
			}
		}
		if ( $attachments ) {
			_prime_post_caches( array_unique( $attachments ), false, true );
		}
		$slugs = array_values( array_unique( array_filter( $slugs ) ) );
		$this->trashed_slugs = array(
			'trashed' => array(),
			'checked' => array_fill_keys( $slugs, true ),
		);
		if ( $slugs ) {
			$trashed = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
				$wpdb->prepare(
					"SELECT post_name FROM {$wpdb->posts} WHERE post_status = 'trash' AND post_name IN ( " . implode( ', ', array_fill( 0, count( $slugs ), '%s' ) ) . ' )', // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
					$slugs
				)
			);
			$this->trashed_slugs['trashed'] = array_fill_keys( $trashed, true );
		}
	}

	/**
	 * Whether WordPress should look for trashed posts holding a new post's
	 * address (to rename them, as it does for every post it writes): only
	 * where the batch's lookup found one, or for an address it did not
	 * foresee (a filter changed the title).
	 *
	 * @param bool   $add       Whether to look.
	 * @param string $post_name The address the post asks for.
	 * @return bool
	 */
	public function trashed_post_has_slug( $add, $post_name ) {
		if ( ! $add || ! isset( $this->trashed_slugs['checked'][ $post_name ] ) ) {
			return $add;
		}
		return isset( $this->trashed_slugs['trashed'][ $post_name ] );
	}

	/**
	 * A title as stored: a Spaces title is plain text, so with its markup
	 * characters escaped (quotes left as they are, as the editor saves them)
	 * it shows as written.
	 *
	 * @param string $title The title from the archive.
	 * @return string
	 */
	private static function stored_title( $title ) {
		return htmlspecialchars( $title, ENT_NOQUOTES, 'UTF-8' );
	}

	/**
	 * Opens a transaction, on WordPress's own MySQL connection only (a
	 * database drop-in may not know transactions). Also used by finalize.
	 */
	public static function begin_transaction() {
		global $wpdb;
		if ( 'wpdb' !== get_class( $wpdb ) ) {
			return;
		}
		self::guard();
		self::$in_transaction = false !== $wpdb->query( 'START TRANSACTION' );
		if ( self::$in_transaction ) {
			global $EZSQL_ERROR;
			self::$errors_at_begin = is_array( $EZSQL_ERROR ) ? count( $EZSQL_ERROR ) : 0;
			add_filter( 'query', array( __CLASS__, 'hold_writes_after_error' ) );
		}
	}

	/**
	 * Whether a statement of the open transaction failed. A deadlock rolls
	 * the whole transaction back; what runs after it would be committed on
	 * its own, so from then on writes are held back until the rollback.
	 *
	 * @return bool
	 */
	public static function transaction_failed() {
		global $EZSQL_ERROR;
		return self::$in_transaction && is_array( $EZSQL_ERROR ) && count( $EZSQL_ERROR ) > self::$errors_at_begin;
	}

	/**
	 * Filters each query of an open transaction: once a statement has
	 * failed, anything but reading and the rollback is not run.
	 *
	 * @param string $query The statement.
	 * @return string The statement, or '' for wpdb to skip it.
	 */
	public static function hold_writes_after_error( $query ) {
		if ( ! self::transaction_failed() || preg_match( '/^\s*(SELECT|SHOW|ROLLBACK)\b/i', $query ) ) {
			return $query;
		}
		return '';
	}

	/**
	 * Ends the transaction's watch on queries.
	 */
	private static function end_transaction() {
		self::$in_transaction = false;
		remove_filter( 'query', array( __CLASS__, 'hold_writes_after_error' ) );
	}

	/**
	 * Makes sure a request that dies half-way leaves nothing half-written.
	 * Called before any item lock is claimed, so that on shutdown the
	 * rollback comes first and the locks' release after it is kept.
	 */
	private static function guard() {
		static $guarded = false;
		if ( ! $guarded ) {
			register_shutdown_function( array( __CLASS__, 'rollback' ) );
			$guarded = true;
		}
	}

	/**
	 * Commits the transaction.
	 */
	public static function commit() {
		global $wpdb;
		if ( self::$in_transaction ) {
			self::end_transaction();
			$wpdb->query( 'COMMIT' );
		}
	}

	/**
	 * Rolls back a transaction left open by a request that stopped half-way.
	 */
	public static function rollback() {
		global $wpdb;
		if ( self::$in_transaction ) {
			self::end_transaction();
			$wpdb->query( 'ROLLBACK' );
		}
	}

	/**
	 * Gives a new post another address when a post written meanwhile by a
	 * parallel request took the same one: inside the transactions neither
	 * could see the other when WordPress chose the slug.
	 *
	 * @param int[] $post_ids Posts created by this request.
	 */
	private static function unique_slugs( array $post_ids ) {
		if ( ! $post_ids ) {
			return;
		}
		global $wpdb;
		$ids   = implode( ',', array_map( 'intval', $post_ids ) );
		$twins = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- integers only.
			"SELECT p.ID FROM {$wpdb->posts} p WHERE p.ID IN ( $ids ) AND p.post_name <> '' AND EXISTS ( SELECT 1 FROM {$wpdb->posts} o WHERE o.post_name = p.post_name AND o.post_type = p.post_type AND o.ID <> p.ID AND o.post_status NOT IN ( 'trash', 'auto-draft', 'inherit' ) )"
		);
		foreach ( array_map( 'intval', $twins ) as $post_id ) {
			clean_post_cache( $post_id );
			$post = get_post( $post_id );
			$slug = wp_unique_post_slug( $post->post_name, $post->ID, $post->post_status, $post->post_type, $post->post_parent );
			if ( $slug !== $post->post_name ) {
				$wpdb->update( $wpdb->posts, array( 'post_name' => $slug ), array( 'ID' => $post->ID ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
				clean_post_cache( $post->ID );
			}
		}
	}

	/**
	 * The result of an item the current user may not write.
	 *
	 * @param string $source_id The item's Spaces id.
	 * @param string $message   Why, for people.
	 * @return array
	 */
	private static function refused( $source_id, $message ) {
		return array(
			'sourceId' => $source_id,
			'postId'   => 0,
			'status'   => 'failed',
			'message'  => $message,
			'comments' => array( 'created' => 0 ),
		);
	}

	/**
	 * Creates, updates or leaves one post, then adds its missing comments.
	 *
	 * @param array $item    The normalized post.
	 * @param int   $post_id Existing post id, or 0.
	 * @param int   $run_id  The run.
	 * @param array $options The run's options.
	 * @return array The item's result.
	 */
	private function write_one( array $item, $post_id, $run_id, array $options ) {
		$result = $this->write_post( $item, $post_id, $run_id, $options );
		if ( 'failed' !== $result['status'] && 'none' !== $options['comments'] && $item['comments'] && ! current_user_can( 'edit_post', $result['postId'] ) ) {
			// Adding comments is editing the post's discussion, as WordPress sees it.
			$result['warnings'][] = __( 'The post’s comments were not added: you are not allowed to edit this post.', 'spaces-importer' );
			$result['comments']   = array( 'created' => 0 );
		} elseif ( 'failed' !== $result['status'] && 'none' !== $options['comments'] ) {
			// Comments are added to every post that is there, changed or not: a
			// batch cut off half-way is resent, and only the missing ones are added.
			$result['comments'] = array(
				'created' => $this->comments->write( $result['postId'], $item['comments'], $run_id, $options['comments'], 'created' === $result['status'] ),
			);
		} else {
			$result['comments'] = array( 'created' => 0 );
		}
		return $result;
	}

	/**
	 * Creates, updates or leaves the post itself.
	 *
	 * @param array $item    The normalized post.
	 * @param int   $post_id Existing post id, or 0.
	 * @param int   $run_id  The run.
	 * @param array $options The run's options.
	 * @return array The item's result, without comments.
	 */
	private function write_post( array $item, $post_id, $run_id, array $options ) {
		$hash   = self::content_hash( $item, $options );
		$result = array(
			'sourceId' => $item['sourceId'],
			'postId'   => $post_id,
		);
		if ( $post_id ) {
			$same = get_post_meta( $post_id, Item_Meta::HASH, true ) === $hash;
			if ( $same || 'update' !== $options['existing'] ) {
				return $result + array( 'status' => $same ? 'unchanged' : 'skipped' );
			}
		}

		$images = $options['images'] ? $this->valid_images( $item['images'] ) : array();
		if ( is_wp_error( $images ) ) {
			return self::refused( $item['sourceId'], $images->get_error_message() );
		}
		$warnings = array();
		$postarr  = array(
			'post_type'    => 'post',
			'post_title'   => self::stored_title( $item['title'] ),
			'post_content' => $this->content( $item, $images, $options ),
			'meta_input'   => array(
				Item_Meta::SOURCE_ID    => $item['sourceId'],
				Item_Meta::ORIGINAL_URL => isset( $item['originalUrl'] ) ? esc_url_raw( $item['originalUrl'] ) : '',
				Item_Meta::HASH         => $hash,
			),
		);
		$this->add_terms( $postarr, $item['categories'], $run_id, $options, $warnings );
		if ( ! empty( $item['tags'] ) ) {
			$this->add_tags( $postarr, $item['tags'], $run_id, $warnings );
		}
		if ( isset( $item['excerpt'] ) && '' !== $item['excerpt'] ) {
			$postarr['post_excerpt'] = sanitize_textarea_field( $item['excerpt'] );
		}
		$dates = Dates::local_and_gmt( $item['published'] );
		if ( $dates ) {
			$postarr['post_date']     = $dates[0];
			$postarr['post_date_gmt'] = $dates[1];
		}
		if ( $post_id ) {
			// An update changes what the archive says; status and author stay the owner's.
			$postarr['ID'] = $post_id;
			// What it said before comes back if the run is undone.
			Run_Undo::keep_prior( $post_id, $run_id );
		} else {
			// A Live Writer draft stays a draft whatever status the owner chose.
			$postarr['post_status']    = isset( $item['status'] ) && 'draft' === $item['status'] ? 'draft' : $options['status'];
			$postarr['post_author']    = $options['author'];
			$postarr['comment_status'] = 'open';
			// A new post's meta goes in after it, in one statement (see Item_Meta::add_new()).
			$new_meta = $postarr['meta_input'] + array( Item_Meta::RUN => $run_id );
			if ( $item['links'] ) {
				$new_meta[ Item_Meta::LINKS ]         = self::links_meta( $item['links'] );
				$new_meta[ Item_Meta::LINKS_PENDING ] = (int) $run_id;
			}
			unset( $postarr['meta_input'] );
		}
		/**
		 * Filters a post before it is written, as the WordPress Importer's
		 * `wp_import_post_data_processed` does: the arguments of
		 * `wp_insert_post()` (or of `wp_update_post()`, with `ID`, for a post
		 * imported before). The body was filtered by `wp_kses_post()` already
		 * and is stored as returned.
		 *
		 * @param array $postarr Post data, unslashed.
		 * @param array $item    The post as the client sent it (see the posts route's schema).
		 * @param int   $run_id  The import run.
		 */
		$filtered = apply_filters( 'spaces_importer_post_data', $postarr, $item, $run_id );
		$postarr  = is_array( $filtered ) ? $filtered : $postarr;

		// Content was filtered above; kses must not filter it again by the importer's role.
		kses_remove_filters();
		$id = $post_id ? wp_update_post( wp_slash( $postarr ), true ) : wp_insert_post( wp_slash( $postarr ), true );
		kses_init();

		if ( is_wp_error( $id ) ) {
			return $result + array(
				'status'  => 'failed',
				'message' => $id->get_error_message(),
			);
		}
		$id = (int) $id;
		$featured = false;
		if ( $post_id ) {
			$this->keep_links( $id, $item['links'], $run_id );
		} else {
			// A new post has no featured image yet (unless the filter gave it one):
			// it goes in with the rest of its meta.
			$featured = $options['featuredImage'] && empty( $postarr['meta_input']['_thumbnail_id'] ) ? self::first_image( $images ) : 0;
			if ( $featured ) {
				$new_meta['_thumbnail_id'] = $featured;
			}
			Item_Meta::add_new( $id, $new_meta );
		}
		// The images may be other posts' too: their rows are written after the commit.
		$this->after_commit[] = function () use ( $id, $images, $options, $run_id, $featured ) {
			$this->attach_images( $id, $images, $featured ? array_merge( $options, array( 'featuredImage' => false ) ) : $options );
			foreach ( $images as $image ) {
				Run_Undo::record_use( $image['attachmentId'], $run_id );
			}
		};
		$written = array(
			'sourceId' => $item['sourceId'],
			'postId'   => $id,
			'status'   => $post_id ? 'updated' : 'created',
		);
		if ( $warnings ) {
			$written['warnings'] = $warnings;
		}
		return $written;
	}

	/**
	 * What decides whether a post changed: its content fields, not its comments
	 * (those are only ever added) and not the run's bookkeeping.
	 *
	 * @param array $item    The normalized post.
	 * @param array $options The run's options.
	 * @return string
	 */
	private static function content_hash( array $item, array $options ) {
		return md5(
			(string) wp_json_encode(
				array(
					$item['title'],
					$item['html'],
					$item['published'],
					$item['categories'],
					$item['originalUrl'],
					$options['images'] ? $item['images'] : array(),
					$options['originalPostBlock'],
				)
			)
		);
	}

	/**
	 * The body as stored: filtered, images pointed at the library, block appended.
	 *
	 * @param array $item    The normalized post.
	 * @param array $images  Valid images: attachment URL by reference.
	 * @param array $options The run's options.
	 * @return string
	 */
	private function content( array $item, array $images, array $options ) {
		// An archive is untrusted input, whoever imports it.
		$content = wp_kses_post( $item['html'] );
		$content = Body_Rewriter::replace( $content, wp_list_pluck( $images, 'url', 'reference' ) );
		if ( $options['originalPostBlock'] ) {
			$content .= "\n\n" . self::ORIGINAL_POST_BLOCK;
		}
		return $content;
	}

	/**
	 * The images whose attachment exists; refused when one names something
	 * that is not an attachment, or an attachment the user may not edit (it
	 * would become this post's, and perhaps its featured image).
	 *
	 * @param array $images `{ reference, attachmentId }` as sent.
	 * @return array|\WP_Error `{ reference, attachmentId, url }`, in order.
	 */
	private function valid_images( array $images ) {
		$valid = array();
		foreach ( $images as $image ) {
			$attachment = get_post( (int) $image['attachmentId'] );
			if ( ! $attachment ) {
				continue;
			}
			if ( 'attachment' !== $attachment->post_type || ! current_user_can( 'edit_post', $attachment->ID ) ) {
				return new \WP_Error(
					'spaces_importer_cannot_use_attachment',
					/* translators: %d: an attachment id. */
					sprintf( __( 'The post names %d as an image, which is not a file of the media library you are allowed to edit. The post was not written.', 'spaces-importer' ), $attachment->ID )
				);
			}
			$url = wp_get_attachment_url( $attachment->ID );
			if ( $url ) {
				$valid[] = array(
					'reference'    => (string) $image['reference'],
					'attachmentId' => $attachment->ID,
					'url'          => $url,
				);
			}
		}
		return $valid;
	}

	/**
	 * Adds the post's categories or tags as the owner chose. Terms missing
	 * from the site are created only as WordPress would let the user create
	 * them: categories with `manage_categories`, tags by whoever may assign
	 * them (as the post editor does); otherwise the post gets the existing
	 * ones, and a warning names the others.
	 *
	 * @param array    $postarr  Post data, changed in place.
	 * @param string[] $names    Category names from the archive.
	 * @param int      $run_id   The run.
	 * @param array    $options  The run's options.
	 * @param string[] $warnings Warnings for the item's result, added to.
	 */
	private function add_terms( array &$postarr, array $names, $run_id, array $options, array &$warnings ) {
		if ( 'single' === $options['categories']['mode'] ) {
			$postarr['post_category'] = array( $options['categories']['category'] );
			return;
		}
		$taxonomy   = 'tags' === $options['categories']['mode'] ? 'post_tag' : 'category';
		$may_create = 'post_tag' === $taxonomy
			? current_user_can( get_taxonomy( 'post_tag' )->cap->assign_terms )
			: current_user_can( 'manage_categories' );
		$left_out   = array();
		$ids        = $this->terms->ids_for( $names, $taxonomy, $run_id, $may_create, $left_out );
		if ( 'post_tag' === $taxonomy ) {
			// Ids, not names: a name with a comma would be split into two tags.
			$postarr['tags_input'] = $ids;
		} else {
			$postarr['post_category'] = $ids;
		}
		if ( $left_out ) {
			$warnings[] = sprintf(
				/* translators: %s: category names, separated by commas. */
				__( 'Not on the site, and you are not allowed to create categories: %s.', 'spaces-importer' ),
				implode( ', ', $left_out )
			);
		}
	}

	/**
	 * Adds the post's own tags (Live Writer's keywords), created as `add_terms`
	 * creates tags: only by a user who may assign them.
	 *
	 * @param array    $postarr  Post data, changed in place.
	 * @param string[] $names    Tag names.
	 * @param int      $run_id   The run.
	 * @param string[] $warnings Warnings for the item's result, added to.
	 */
	private function add_tags( array &$postarr, array $names, $run_id, array &$warnings ) {
		$left_out = array();
		$ids      = $this->terms->ids_for( $names, 'post_tag', $run_id, current_user_can( get_taxonomy( 'post_tag' )->cap->assign_terms ), $left_out );
		$before   = isset( $postarr['tags_input'] ) ? (array) $postarr['tags_input'] : array();
		// Ids, not names: a name with a comma would be split into two tags.
		$postarr['tags_input'] = array_values( array_unique( array_merge( $before, $ids ) ) );
		if ( $left_out ) {
			$warnings[] = sprintf(
				/* translators: %s: tag names, separated by commas. */
				__( 'Not on the site, and you are not allowed to create tags: %s.', 'spaces-importer' ),
				implode( ', ', $left_out )
			);
		}
	}

	/**
	 * Attaches the post's images that belong to no post yet, and sets its featured image.
	 *
	 * @param int   $post_id The post.
	 * @param array $images  Valid images.
	 * @param array $options The run's options.
	 */
	private function attach_images( $post_id, array $images, array $options ) {
		global $wpdb;
		foreach ( $images as $image ) {
			$attachment_id = (int) $image['attachmentId'];
			// Attached as the media library's Attach action does: the parent
			// alone, and only where no other post has it yet (the first post
			// showing an image owns it, whichever request gets there first).
			$attached = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
				$wpdb->prepare(
					"UPDATE {$wpdb->posts} SET post_parent = %d WHERE ID = %d AND post_type = 'attachment' AND post_parent = 0",
					$post_id,
					$attachment_id
				)
			);
			if ( $attached ) {
				// Its cache is cleaned when the request leaves importing mode.
				$this->attached[] = $attachment_id;
				/** This action is documented in wp-admin/includes/media.php (wp_media_attach_action()). */
				do_action( 'wp_media_attach_action', 'attach', $attachment_id, $post_id );
			}
		}
		if ( $images && $options['featuredImage'] && ! has_post_thumbnail( $post_id ) ) {
			$first = self::first_image( $images );
			if ( $first ) {
				set_post_thumbnail( $post_id, $first );
			}
		}
	}

	/**
	 * The image a post's featured image is: its first image, not a video
	 * file the post also shows.
	 *
	 * @param array $images Valid images.
	 * @return int The attachment, or 0.
	 */
	private static function first_image( array $images ) {
		foreach ( $images as $image ) {
			if ( wp_attachment_is_image( $image['attachmentId'] ) ) {
				return (int) $image['attachmentId'];
			}
		}
		return 0;
	}

	/**
	 * The links as kept in meta.
	 *
	 * @param array $links `{ href, sourceId }` as sent.
	 * @return array
	 */
	private static function links_meta( array $links ) {
		$kept = array();
		foreach ( $links as $link ) {
			$kept[] = array(
				'href'     => (string) $link['href'],
				'sourceId' => (string) $link['sourceId'],
			);
		}
		return $kept;
	}

	/**
	 * Keeps the post's links to other posts for finalize, which knows every post's new address.
	 *
	 * @param int   $post_id The post.
	 * @param array $links   `{ href, sourceId }` as sent.
	 * @param int   $run_id  The run.
	 */
	private function keep_links( $post_id, array $links, $run_id ) {
		if ( ! $links ) {
			delete_post_meta( $post_id, Item_Meta::LINKS );
			delete_post_meta( $post_id, Item_Meta::LINKS_PENDING );
			return;
		}
		update_post_meta( $post_id, Item_Meta::LINKS, self::links_meta( $links ) );
		update_post_meta( $post_id, Item_Meta::LINKS_PENDING, (int) $run_id );
	}
}
