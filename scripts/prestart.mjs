/**
 * `npm start` runs this first: the editor demos (demo/editor/) embed the built files exactly as an
 * intranet page would (/dist/referral-guide.js, /dist/referral-guide.iife.js), so build them.
 */
import { buildLibrary } from './build-lib.mjs';

const { es, iife } = await buildLibrary({ quiet: true });
console.log(`built dist/${es.entry} and dist/${iife.entry} for the editor demos`);
