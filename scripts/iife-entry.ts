/**
 * Entry of the single-file classic script (dist/referral-guide.iife.js): it only defines the
 * elements. Exporting nothing keeps the IIFE from creating a global variable.
 */
import '../src/index.ts';
