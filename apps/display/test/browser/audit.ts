/**
 * A look at every piece of text on the page, as a citizen in the hall sees it. Runs inside the browser
 * (`page.evaluate(auditText, minPx)`), so it is one self-contained function: Playwright sends its source.
 *
 * - small: text under `minPx` (computed font size);
 * - lowContrast: text whose colour against what is painted behind it is under WCAG AA — 4.5:1, or 3:1
 *   for large text (24 px, or 18.66 px bold). The background is found by walking up the ancestors and
 *   blending their colours; over a gradient every stop is tried and the worst counts;
 * - cut: text whose letters spill out of its own box, or are clipped by an ancestor that hides overflow
 *   (the scrolling notice line is clipped on purpose and is not counted).
 */
export function auditText(minPx: number): {
  checked: number;
  small: string[];
  lowContrast: string[];
  cut: string[];
} {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba[] =>
    Array.from(css.matchAll(/rgba?\(([^)]+)\)/g), (m) => {
      const [r, g, b, a] = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r!, g!, b!, a ?? 1] as Rgba;
    });
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
  };
  const luminance = (c: Rgba) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1! + 0.05) / (l2! + 0.05);
  };
  /** What is painted behind an element: every candidate (one per gradient stop), opaque. */
  const backgrounds = (el: Element): Rgba[] => {
    const layers: Rgba[][] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const stops = style.backgroundImage.includes('gradient') ? parse(style.backgroundImage) : [];
      if (stops.length > 0) {
        layers.push(stops);
        if (stops.every((s) => s[3] === 1)) break;
      }
      const [colour] = parse(style.backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push([colour]);
        if (colour[3] === 1) break;
      }
    }
    let result: Rgba[] = [[255, 255, 255, 1]];
    for (const layer of layers.reverse())
      result = layer.flatMap((top) => result.map((bottom) => over(top, bottom)));
    return result;
  };
  const label = (el: Element, text: string) =>
    `${el.tagName.toLowerCase()}.${el.className || '?'} "${text.slice(0, 40)}"`;

  const found = { checked: 0, small: [] as string[], lowContrast: [] as string[], cut: [] as string[] };
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const nodes = Array.from(el.childNodes).filter(
      (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
    );
    const text = nodes
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!text || !(el instanceof HTMLElement)) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Where the letters are, which may be outside the element's box (a word that does not wrap).
    const range = document.createRange();
    const rects = nodes.map((n) => {
      range.selectNodeContents(n);
      return range.getBoundingClientRect();
    });
    const r = {
      left: Math.min(...rects.map((x) => x.left)),
      right: Math.max(...rects.map((x) => x.right)),
      top: Math.min(...rects.map((x) => x.top)),
      bottom: Math.max(...rects.map((x) => x.bottom)),
    };
    // Clipped away entirely (a history row that did not fit): not on the screen, nothing to read.
    let hidden = false;
    let clippedBy: Element | null = null;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflow === 'visible') continue;
      const c = a.getBoundingClientRect();
      if (r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom) hidden = true;
      else if (r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - 1 || r.bottom > c.bottom + 1)
        clippedBy ??= a;
    }
    if (hidden) continue;
    found.checked++;
    const style = getComputedStyle(el);
    const px = Number.parseFloat(style.fontSize);
    if (px < minPx - 0.5) found.small.push(`${label(el, text)} ${px.toFixed(1)}px < ${minPx.toFixed(1)}px`);

    const [colour] = parse(style.color);
    const large = px >= 24 || (px >= 18.66 && Number(style.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    const worst = Math.min(...backgrounds(el).map((bg) => ratio(over(colour!, bg), bg)));
    if (worst < need) found.lowContrast.push(`${label(el, text)} ${worst.toFixed(2)}:1 < ${need}:1`);

    const ticker = el.closest('.ticker') !== null;
    // Letters out of their own box: cut off if it hides overflow, spilling over its neighbours if not.
    const spills = r.left < box.left - 1 || r.right > box.right + 1;
    if (!ticker && (clippedBy || spills))
      found.cut.push(
        `${label(el, text)}${clippedBy ? ` clipped by .${clippedBy.className}` : ' spills out of its box'}`,
      );
  }
  return found;
}
