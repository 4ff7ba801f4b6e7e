// The building blocks every rule-file schema shares (schema.ts): ids, dates, the two-language
// text, citations, validity dates, verify marks and web addresses.
import { z } from 'zod';

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'ids are lower case: letters, digits, "-", "_" and "."');
export const isoDate = z.iso.date();

/** Every user-facing text exists in Dutch and English. */
export const Text = z.strictObject({
  nl: z.string().min(1),
  en: z.string().min(1),
});
export type Text = z.infer<typeof Text>;

/**
 * A citation: a source id from a sources registry, optionally with a line or line range
 * (`003_d622815a9b0847f4.txt:1397`, `003_d622815a9b0847f4.txt:1397-1398`, `nza-wegwijzer`).
 */
export const Citation = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*(:\d+(-\d+)?)?$/, 'a source id, optionally :line or :from-to');
export const Sources = z.array(Citation);

export const Validity = {
  valid_from: isoDate.optional(),
  valid_until: isoDate.optional(),
  /**
   * The instrument has lapsed but stays in the rules on purpose, so that an advice can say that
   * it lapsed (and since when); validate does not warn that it is still reachable.
   */
  keep_after_expiry: z.boolean().optional(),
};
/** `verify: true` marks a fact the user must confirm with the authority; the note says how. */
export const Verify = {
  verify: z.boolean().optional(),
  verify_note: Text.optional(),
};

/**
 * A web address an advice prints: https, a host name of letters, digits and hyphens with a
 * top-level domain, an optional path; no port, credentials, query or fragment. Only the form is
 * checked here; validate also checks that a stakeholder's site is named by a source it cites.
 */
export const WEB_ADDRESS =
  /^https:\/\/([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(\/[A-Za-z0-9._~%/-]*)?$/;
export const WebAddress = z
  .string()
  .regex(
    WEB_ADDRESS,
    'an https address such as https://www.nza.nl: lower-case host, optional path, no query',
  );
