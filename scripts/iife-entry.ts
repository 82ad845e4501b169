/**
 * Entry of the caseworkers' single-file classic script (dist/referral-guide.iife.js): it only
 * defines the elements. Training mode is left out of this build (vite.config.ts); the trainers'
 * file is scripts/iife-training-entry.ts. Exporting nothing keeps the IIFE from creating a
 * global variable.
 */
import '../src/index.ts';
