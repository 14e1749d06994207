import type { Lang } from '../../schema/common';
import type { HospitalScene } from '../../render/HospitalScene';
import type { CameraView } from '../../render/sceneBridge';
import { h } from '../dom';
import { w } from './strings';

/** Zoom factor of one press of the zoom buttons. */
const ZOOM_STEP = 1.4;
/** Share of the screen an arrow key moves the view. */
const PAN_STEP = 0.2;

/**
 * The buttons over the canvas (whole hospital, busiest scene, zoom in and out) and the map's
 * keyboard: arrows pan, Enter inspects the person nearest the middle, F follows them. Everything
 * the mouse and fingers do on the canvas can be done from here.
 */
export function cameraControls(
  stage: HTMLElement,
  scene: HospitalScene,
  lang: () => Lang,
  select: (id: string | undefined) => void,
): { el: HTMLElement; refresh(): void; onCamera(view: CameraView): void; dispose(): void } {
  const whole = h('button', { attrs: { 'data-testid': 'camera-overview', type: 'button' } });
  const busiest = h('button', { attrs: { 'data-testid': 'camera-busiest', type: 'button' } });
  const zoomIn = h('button', { class: 'icon', attrs: { 'data-testid': 'camera-zoom-in', type: 'button' } }, '+');
  const zoomOut = h('button', { class: 'icon', attrs: { 'data-testid': 'camera-zoom-out', type: 'button' } }, '−');
  whole.addEventListener('click', () => scene.overview());
  busiest.addEventListener('click', () => scene.showBusiest());
  zoomIn.addEventListener('click', () => scene.zoomTo(scene.cameraView().zoom * ZOOM_STEP));
  zoomOut.addEventListener('click', () => scene.zoomTo(scene.cameraView().zoom / ZOOM_STEP));
  const el = h(
    'div',
    { class: 'camera-controls', attrs: { role: 'toolbar', 'data-testid': 'camera-controls' } },
    whole,
    busiest,
    zoomIn,
    zoomOut,
  );
  let inspected: string | undefined;

  stage.tabIndex = 0;
  const onKey = (e: KeyboardEvent): void => {
    if (e.target !== stage) return;
    const move: Record<string, [number, number]> = {
      ArrowLeft: [-PAN_STEP, 0],
      ArrowRight: [PAN_STEP, 0],
      ArrowUp: [0, -PAN_STEP],
      ArrowDown: [0, PAN_STEP],
    };
    const step = move[e.key];
    if (step) {
      e.preventDefault();
      scene.panBy(step[0], step[1]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      inspected = scene.agentNearCentre();
      select(inspected);
    } else if ((e.key === 'f' || e.key === 'F') && inspected) scene.follow(inspected);
  };
  stage.addEventListener('keydown', onKey);

  const refresh = (): void => {
    const l = lang();
    whole.textContent = w('wholeHospital', l);
    busiest.textContent = w('busiest', l);
    zoomIn.setAttribute('aria-label', w('zoomIn', l));
    zoomOut.setAttribute('aria-label', w('zoomOut', l));
    zoomIn.title = w('zoomIn', l);
    zoomOut.title = w('zoomOut', l);
    el.setAttribute('aria-label', w('camera', l));
    stage.setAttribute('aria-label', w('mapLabel', l));
  };
  const onCamera = (view: CameraView): void => {
    whole.setAttribute('aria-pressed', String(view.overview));
  };
  refresh();
  onCamera(scene.cameraView());
  return { el, refresh, onCamera, dispose: () => stage.removeEventListener('keydown', onKey) };
}
