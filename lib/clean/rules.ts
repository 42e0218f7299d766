/** A named line rule: what kind of page chrome it recognises. */
export interface LineRule {
  rule: string;
  re: RegExp;
}

/** Lines that are page chrome wherever they stand. */
export const DROP_RULES: LineRule[] = [
  { rule: 'share button', re: /^share$/i },
  { rule: 'advertisement', re: /^advertisement$/i },
  { rule: 'accessibility links', re: /^(accessibility links|skip to (main )?content)$/i },
  { rule: 'breaking-news banner', re: /^breaking news$/i },
  { rule: 'update marker', re: /^updated?$/i },
  { rule: 'text-size toggle', re: /^(XS|SM|MD|LG|XL)(\s+(XS|SM|MD|LG|XL))*$/ },
  // Words joined by single spaces, so a space is either inside a crumb or around a slash, never both: the old
  // `[\p{L} ]{1,30}(\s+\/\s+…)+` let spaces go either way and took 55 s on a 95-character line.
  { rule: 'navigation breadcrumb', re: /^\p{L}+(?: \p{L}+){0,4}(?:\s+\/\s+\p{L}+(?: \p{L}+){0,4})+$/u },
  { rule: 'navigation menu', re: /·.*·/ },
  { rule: 'timestamp', re: /^\d{4}-\d{2}-\d{2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$/ },
];

/** Lines from which everything to the end of the page is chrome (comment sections, footers, byline boxes). */
export const CUT_RULES: LineRule[] = [
  { rule: 'alternate-address note', re: /can also be accessed at the following alternate addresses/i },
  { rule: 'tag list and comment section', re: /^read more on:/i },
  { rule: 'comment policy', re: /^join the conversation/i },
  { rule: 'byline box', re: /^[•·]?\s*16x9 image$/i },
  { rule: 'sign-in form', re: /^(facebook )?sign[- ]in$/i },
];

/** Photo captions end with an agency credit in parentheses. */
export const CAPTION_RULE = /\((AFP|AP|Reuters|EPA|Getty Images|Anadolu|SANA|AFP\/Getty Images)( photo)?\)$/i;
