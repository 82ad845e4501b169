/**
 * i18next and the translator over it, loaded by I18nController after the first question is on
 * screen (a chunk of its own in the ES build).
 */
export { default as i18next } from 'i18next';
export { makeTranslator } from './translator.ts';
