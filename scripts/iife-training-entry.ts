/**
 * Entry of the trainers' single-file classic script (dist/referral-guide-training.iife.js): the
 * guide with training mode. `<referral-training>` is defined when the script runs, not when a
 * guide first shows training mode, so this file still brings the real element if the
 * caseworkers' IIFE (which has only a placeholder) defined `<referral-guide>` first on the same
 * page. Exporting nothing keeps the IIFE from creating a global variable.
 */
import '../src/index.ts';
import '../src/training/referral-training.ts';
