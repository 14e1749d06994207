import type { Lang } from '../../schema/common';
import { h } from '../dom';
import { w } from './strings';

export type SheetPanel = 'hud' | 'inspector' | 'log';
const PANELS: readonly SheetPanel[] = ['hud', 'inspector', 'log'];
const TITLES = { hud: 'figures', inspector: 'inspector', log: 'log' } as const;

/**
 * On a phone the side panels become a bottom sheet: a bar of tabs along the bottom of the
 * screen, one panel open at a time over the lower part of the map. On a wide screen the bar is
 * hidden (CSS) and every panel shows, as before. `open` is what a tap on someone calls.
 */
export function bottomSheet(side: HTMLElement, panels: Record<SheetPanel, HTMLElement>, lang: () => Lang) {
  const tabs = PANELS.map((p) =>
    h('button', { attrs: { type: 'button', 'data-sheet-tab': p, 'aria-expanded': 'false', 'aria-controls': `sheet-${p}` } }),
  );
  const close = h('button', { class: 'icon sheet-close', attrs: { type: 'button', 'data-testid': 'sheet-close' } }, '×');
  const bar = h('div', { class: 'sheet-bar', attrs: { role: 'toolbar', 'data-testid': 'sheet-bar' } }, ...tabs, close);
  side.prepend(bar);
  for (const p of PANELS) {
    panels[p].id = `sheet-${p}`;
    panels[p].dataset['sheet'] = p;
  }
  let current: SheetPanel | undefined;
  const show = (panel: SheetPanel | undefined): void => {
    current = panel;
    side.classList.toggle('sheet-open', panel !== undefined);
    if (panel) side.dataset['sheetShown'] = panel;
    else delete side.dataset['sheetShown'];
    tabs.forEach((t, i) => {
      const on = PANELS[i] === panel;
      t.classList.toggle('active', on);
      t.setAttribute('aria-expanded', String(on));
    });
  };
  tabs.forEach((t, i) => t.addEventListener('click', () => show(current === PANELS[i] ? undefined : PANELS[i])));
  close.addEventListener('click', () => show(undefined));
  const refresh = (): void => {
    const l = lang();
    tabs.forEach((t, i) => (t.textContent = w(TITLES[PANELS[i] as SheetPanel], l)));
    close.setAttribute('aria-label', w('closePanel', l));
    bar.setAttribute('aria-label', w('panels', l));
  };
  refresh();
  return { open: (panel: SheetPanel) => show(panel), close: () => show(undefined), refresh };
}
