/**
 * The `training` namespace (locales/{da,kl,en}/training.json): the trainer's chrome, shortcut
 * legend, flow-diagram labels and discussion prompts. Added to the i18next instance that the
 * training element already owns next to `ui` and `rules`, so one translator reads all three.
 */
import type { i18n as I18n } from 'i18next';
import daTraining from '../../locales/da/training.json';
import klTraining from '../../locales/kl/training.json';
import enTraining from '../../locales/en/training.json';

export const trainingResources = { da: daTraining, kl: klTraining, en: enTraining };

/** Adds the training texts once per instance (idempotent). */
export function addTrainingBundles(i18n: I18n): void {
  for (const [lang, data] of Object.entries(trainingResources)) {
    if (!i18n.hasResourceBundle(lang, 'training')) i18n.addResourceBundle(lang, 'training', data, true, false);
  }
}
