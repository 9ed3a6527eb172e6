export const STORE_NAME = 'spaces-importer';
