/**
 * The hand-over of on-demand bundles: a script the background injects into a frame shares the
 * content scripts' isolated world, so it hands what it brings over through one global of that
 * world (never seen by the page), under a named slot. Generic: what is loaded, and what each slot
 * holds, is the list in utils/bundles.ts (and the dictionaries' own slot, utils/convert).
 */

/** The isolated world's global under which bundles hand over (exported for the tests). */
export const HANDOVER_GLOBAL = '__yiduBundles';

type WithHandovers = typeof globalThis & { [HANDOVER_GLOBAL]?: Record<string, unknown> };

/** Called by a bundle when it runs: puts what it brings in its slot. */
export function handOver<T>(slot: string, value: T): void {
  const world = globalThis as WithHandovers;
  world[HANDOVER_GLOBAL] ??= {};
  world[HANDOVER_GLOBAL][slot] = value;
}

/** What a slot holds, if its bundle has run in this world. */
export function handedOver<T>(slot: string): T | undefined {
  return (globalThis as WithHandovers)[HANDOVER_GLOBAL]?.[slot] as T | undefined;
}
