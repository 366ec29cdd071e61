// @strkit/sdk/indexeddb — the browser's default store and drafts on the device (IndexedDB, through idb).
export { indexedDbStore, IDB_LAYOUT_VERSION, type IndexedDbStore, type IndexedDbStoreOptions, type OutboxEntry } from './adapters/indexeddb/indexeddb-store.js';
export { indexedDbDrafts } from './adapters/indexeddb/indexeddb-drafts.js';
