/**
 * A digest of a page as the user gets it: its DOM and every element's computed style, and its
 * stylesheets. Runs in the page (passed whole to `page.evaluate`, so it closes over nothing), for
 * "all off leaves the page as it was" in Chromium and Firefox. A digest, not megabytes over the
 * wire: any change shows.
 */
export function pageDigest(): string {
  const parts: string[] = [document.documentElement.outerHTML];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const style = getComputedStyle(element);
    let line = '';
    for (let i = 0; i < style.length; i++) {
      const name = style.item(i);
      line += `${name}:${style.getPropertyValue(name)};`;
    }
    parts.push(line);
  }
  parts.push(String(document.adoptedStyleSheets.length), String(document.styleSheets.length));
  let hash = 0;
  const all = parts.join('\n');
  for (let i = 0; i < all.length; i++) hash = (hash * 31 + all.charCodeAt(i)) | 0;
  return `${all.length}:${hash}`;
}
