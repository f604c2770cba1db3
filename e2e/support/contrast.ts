/**
 * contrast.ts - WCAG 2 contrast of the text on a page, from computed styles: each element with
 * text of its own, its colour against the background it is drawn on (the nearest ancestors'
 * backgrounds composited, the page's at the bottom). Runs in the page.
 */
export interface ContrastFailure {
  text: string;
  where: string;
  color: string;
  background: string;
  ratio: number;
}

/** In the page: every visible text's contrast below `min` inside `root` selectors. */
export function lowContrast({ roots, min }: { roots: string[]; min: number }): ContrastFailure[] {
  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const ch = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [ch(0), ch(1), ch(2), a];
  };
  const lum = (c: RGBA): number => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const backgroundOf = (el: Element): RGBA => {
    const layers: RGBA[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let c: RGBA = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
    return c;
  };
  const out: ContrastFailure[] = [];
  const seen = new Set<Element>();
  for (const root of roots.flatMap((r) => [...document.querySelectorAll(r)])) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (seen.has(el)) continue;
      seen.add(el);
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
      if (!text) continue;
      const st = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (st.visibility === 'hidden' || r.width === 0 || r.height === 0 || Number(st.opacity) === 0) continue;
      // Disabled controls are exempt (WCAG 1.4.3: "part of an inactive user interface component").
      if (el.closest(':disabled, [aria-disabled=true]')) continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const bg = backgroundOf(el);
      const fgRaw = parse(st.color);
      const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacity], bg);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < min) {
        out.push({
          text: text.slice(0, 40),
          where: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
          color: st.color,
          background: `rgb(${bg.slice(0, 3).map(Math.round).join(' ')})`,
          ratio: Math.round(ratio * 100) / 100,
        });
      }
    }
  }
  return out;
}
