const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML snippet that embeds a chart: an iframe of the embed URL and the script that resizes it to fit. */
export function embedSnippet(origin: string, path: string, title: string, height: number): string {
  return [
    `<iframe src="${attr(origin + path)}" title="${attr(`${title} (Framescope)`)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" data-framescope></iframe>`,
    `<script src="${attr(origin)}/embed.js" async></script>`,
  ].join('\n');
}

/** A starting height for an embed of `rows` chart rows, before the script reports the real one. */
export function embedHeight(rows: number): number {
  return 360 + 40 * Math.max(1, rows);
}
