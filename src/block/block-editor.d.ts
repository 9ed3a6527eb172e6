/**
 * `@wordpress/block-editor` ships no type declarations; this block uses one hook.
 */
declare module '@wordpress/block-editor' {
	/**
	 * The props of a block's wrapper element in the editor.
	 *
	 * @param props Extra props to merge in.
	 * @return Props for the wrapper element.
	 */
	export function useBlockProps(
		props?: Record< string, unknown >
	): Record< string, unknown >;
}
