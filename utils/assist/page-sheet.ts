/**
 * A stylesheet we add to the page and take away again without a trace: a constructed sheet in
 * `document.adoptedStyleSheets` (not in the page's DOM at all), or, where a content script cannot
 * adopt sheets into the page (Firefox's wrappers), a `<style>` element that is removed when done.
 */
export interface PageSheet {
  set(css: string): void;
  remove(): void;
}

export function createPageSheet(document: Document): PageSheet {
  let adopted: CSSStyleSheet | undefined;
  let element: HTMLStyleElement | undefined;
  let css = '';
  const attach = () => {
    if (adopted || element) return;
    try {
      const sheet = new (document.defaultView as typeof globalThis).CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      adopted = sheet;
    } catch {
      element = document.createElement('style');
      document.documentElement.append(element);
    }
  };
  return {
    set(next) {
      if (next === css && (adopted || element)) return;
      css = next;
      attach();
      if (adopted) adopted.replaceSync(css);
      else if (element) element.textContent = css;
    },
    remove() {
      if (adopted) {
        const sheet = adopted;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((one) => one !== sheet);
      }
      element?.remove();
      adopted = undefined;
      element = undefined;
      css = '';
    },
  };
}
