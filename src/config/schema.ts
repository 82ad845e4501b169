/**
 * The host's local configuration (docs/embedding.md): which municipality and region the guide
 * serves, local contacts per service id, and extra local notes. Validated with `zod/mini` at the
 * boundary (the `config` attribute's JSON file, the `config` property's object); inside the
 * widget the parsed value is trusted.
 *
 * Every text an editor writes may be one string (shown in every language) or one per language
 * (`{ "da": …, "kl": …, "en": … }`); a missing language falls back kl → da → en.
 */
import * as z from 'zod/mini';
import { REGION_IDS, SERVICE_IDS } from '../../machines/types.ts';

/** The five regions, and Region Østdanmark (Hovedstaden + Sjælland from 2027-01-01). */
export const REGIONS = REGION_IDS;
export type Region = (typeof REGIONS)[number];

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** One text, or one per language (at least one of them). */
const localized = (max: number) =>
  z.union([
    text(max),
    z
      .strictObject({ da: z.optional(text(max)), kl: z.optional(text(max)), en: z.optional(text(max)) })
      .check(
        z.refine((v) => v.da !== undefined || v.kl !== undefined || v.en !== undefined, {
          message: 'needs at least one of da, kl, en',
        }),
      ),
  ]);

/**
 * Links end up in `href`: only http(s) pages, so a config can never smuggle in `javascript:`.
 * Relative links are refused too — they would resolve against whichever page embeds the guide.
 */
const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/** Digits, spaces, `+`, `-`, brackets: what Danish phone numbers are written with. */
const phone = z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()-]{1,22}[0-9]$/));

export const contactSchema = z.strictObject({
  name: localized(200),
  phone: z.optional(phone),
  email: z.optional(z.email()),
  address: z.optional(localized(300)),
  openingHours: z.optional(localized(300)),
  url: z.optional(webUrl),
  note: z.optional(localized(1000)),
});

/**
 * The most data a config may hold: its UTF-8 size written as compact JSON. The file cap
 * (MAX_CONFIG_BYTES in src/config/load.ts, 256 KB) leaves room above this for indentation and
 * line breaks, so every config this schema accepts also loads as a file. Far above any real
 * municipality's config (the examples are 2–3 kB).
 */
export const MAX_CONFIG_DATA_BYTES = 160 * 1024;

const utf8 = new TextEncoder();

export const referralConfigSchema = z.strictObject({
  /** Editors may point their editor at a JSON schema; the widget ignores it. */
  $schema: z.optional(z.string()),
  region: z.optional(z.enum(REGIONS)),
  municipality: z.optional(
    z.strictObject({
      name: localized(120),
      /** The three-digit municipality number (kommunenummer), e.g. "101" for København. */
      code: z.optional(z.string().check(z.regex(/^[0-9]{3}$/))),
    }),
  ),
  contacts: z.optional(z.partialRecord(z.enum(SERVICE_IDS), z.array(contactSchema).check(z.minLength(1), z.maxLength(10)))),
  notes: z.optional(z.array(localized(1000)).check(z.maxLength(20))),
}).check(
  z.refine((config) => utf8.encode(JSON.stringify(config)).length <= MAX_CONFIG_DATA_BYTES, {
    message: `the config holds more than ${MAX_CONFIG_DATA_BYTES} bytes of data`,
    params: { limit: 'size', max: MAX_CONFIG_DATA_BYTES },
  }),
);

export type LocalizedText = z.infer<ReturnType<typeof localized>>;
export type Contact = z.infer<typeof contactSchema>;
export type ReferralConfig = z.infer<typeof referralConfigSchema>;
