import type { Draft, DraftStore } from '../../ports.js';

/** Drafts in memory: gone on reload. For tests and for hosts that cannot use IndexedDB. */
export function memoryDrafts(): DraftStore {
  const drafts = new Map<string, Draft>();
  const k = (actorId: string, key: string) => JSON.stringify([actorId, key]);
  return {
    async save(actorId, key, value, savedAt) {
      drafts.set(k(actorId, key), structuredClone({ actorId, key, value, savedAt }));
    },
    async load<V>(actorId: string, key: string) {
      const d = drafts.get(k(actorId, key));
      return d ? (structuredClone(d) as Draft<V>) : undefined;
    },
    async discard(actorId, key) {
      drafts.delete(k(actorId, key));
    },
    async list(actorId) {
      return [...drafts.values()].filter((d) => actorId === undefined || d.actorId === actorId).map((d) => structuredClone(d));
    },
    async wipe() {
      drafts.clear();
    },
  };
}
