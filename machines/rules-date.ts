/**
 * The date the rules (rules.ts) were last checked against the law. Shown on every plan; stored
 * answers saved under another date are discarded (src/controllers/persist-controller.ts). A module
 * of its own so that reading it does not load the rules.
 */
export const rulesValidAsOf = '2026-11-29';
