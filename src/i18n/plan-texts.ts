/**
 * Side-effect module: makes sure the Danish `rules` texts that only the review, plan and note
 * screens and the training mode use (services, rules, flags, sources, …) are in `resources`.
 * Here, in the sources and the IIFE, every text is in resources.ts already, so it does nothing.
 * The ES build replaces it (scripts/vite-plugins.ts): the entry carries the question texts
 * only, and this module, imported by the screens chunk and the training chunk, adds the rest.
 */
export {};
