import { keepLearning } from './keepLearning';
import { KioskStudy } from './kioskStudy';
import { fetchMapText } from '../mapFile';
import { worldBrainFactory } from './worldBrain';
import type { Lang } from '../../schema/common';
import { ExamRoom } from '../../schema/knowledge';
import { parseLayout } from '../../sim/layout';
import { frameIndex, FRAME_H, FRAME_W, FRAMES_PER_ROW } from '../../render/art/characters';
import { patientLook, staffLook } from '../../render/cast';
import type { SceneBridge } from '../../render/HospitalScene';
import type { AppContext, View } from '../appContext';
import { h } from '../dom';
import charactersUrl from '../../../assets/art/characters.png';
import iconsUrl from '../../../assets/art/icons.png';
import tilesUrl from '../../../assets/art/tiles.png';
import { eventLog } from './eventLog';
import { HospitalRun } from './hospitalRun';
import { hud } from './hud';
import { inspect } from './inspector';
import { Kiosk } from './kiosk';
import { departmentName } from './lines';
import { PLACES, w } from './strings';
import { installHook } from './testHook';
import { timeControls } from './timeControls';
import { badDrillTitle, drillFromAddress, startWorldDrill } from './worldDrill';
import { cameraControls } from './cameraControls';
import { bottomSheet } from './sheet';

/**
 * Phaser and the map start downloading as soon as the page runs when the hospital is the view
 * asked for, alongside the knowledge base rather than after it. First paint does not wait:
 * these are dynamic imports.
 */
const loadRenderer = (): Promise<[string, typeof import('../../render/game')]> =>
  Promise.all([fetchMapText(), import('../../render/game')]);
const view = new URLSearchParams(location.search).get('view');
let rendererLoading = view === null || view === 'world' ? loadRenderer() : undefined;

/** How often the DOM panels redraw: often enough to feel live, rarely enough to cost nothing. */
const PANEL_MS = 400;
/** The opening overview holds this long (a look at the whole hospital) before the camera glides to the busiest scene. */
const OPENING_GLIDE_MS = 4000;

/** One query, read every frame: asking matchMedia anew each frame would make the browser recompute styles. */
const lessMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const reducedMotion = (): boolean => lessMotion.matches;

/** The words on a room sign, from the map's `key` (department:…, exam:…, place:…). */
export function signText(app: Pick<AppContext, 'kb'>, key: string, lang: Lang): string {
  const [kind, id = ''] = key.split(':');
  if (kind === 'department') {
    try {
      return app.kb.department(id).name[lang];
    } catch {
      return id;
    }
  }
  return PLACES[id]?.[lang] ?? id;
}

/** Draws an agent's standing frame, enlarged, as the inspector's portrait. */
function portraitMaker(run: () => HospitalRun | undefined): (id: string, role?: string) => HTMLCanvasElement | null {
  const sheet = new Image();
  sheet.src = charactersUrl;
  return (id, role) => {
    const r = run();
    const look = role
      ? staffLook(id, role)
      : (() => {
          const p = r?.sim.patientRecord(id)?.persona;
          return p ? patientLook(id, p.age, p.sex) : undefined;
        })();
    if (!look) return null;
    const scale = 4;
    const canvas = h('canvas', { class: 'portrait', attrs: { width: String(FRAME_W * scale), height: String((FRAME_H - 2) * scale) } });
    const draw = (): void => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.imageSmoothingEnabled = false;
      const f = frameIndex(look, 'down', 0);
      ctx.drawImage(
        sheet,
        (f % FRAMES_PER_ROW) * FRAME_W,
        Math.floor(f / FRAMES_PER_ROW) * FRAME_H,
        FRAME_W,
        FRAME_H - 2,
        0,
        0,
        FRAME_W * scale,
        (FRAME_H - 2) * scale,
      );
    };
    if (sheet.complete) draw();
    else sheet.addEventListener('load', draw, { once: true });
    return canvas;
  };
}

function mountWorld(el: HTMLElement, app: AppContext): () => void {
  const params = new URLSearchParams(location.search);
  const kioskMode = params.get('kiosk') === '1';
  const status = h('p', { class: 'muted world-status' }, w('loadingWorld', app.lang()));
  const stage = h('div', { class: 'world-stage', attrs: { 'data-testid': 'world-stage', role: 'application' } });
  const overlay = h('div', { class: 'bubble-layer', attrs: { 'aria-live': 'off' } });
  const caption = h('div', { class: 'kiosk-caption', attrs: { 'data-testid': 'kiosk-caption' } });
  const toolbar = h('div', { class: 'world-toolbar' });
  const side = h('aside', { class: 'world-side' });
  stage.append(overlay);
  if (kioskMode) {
    stage.append(caption);
    // Full-screen friendly: the page keeps only the title and the disclaimer around the world.
    document.body.classList.add('kiosk');
  }
  el.append(
    h(
      'div',
      { class: `world-view${kioskMode ? ' kiosk' : ''}` },
      toolbar,
      h('div', { class: 'world-main' }, stage, kioskMode ? null : side),
      status,
    ),
  );

  let run: HospitalRun | undefined;
  let disposed = false;
  const cleanups: (() => void)[] = [];
  let selected: string | undefined;
  const notices: string[] = [];
  let inspectorSig = '';
  const portrait = portraitMaker(() => run);
  let camera: ReturnType<typeof cameraControls> | undefined;
  let sheet: ReturnType<typeof bottomSheet> | undefined;

  void (async () => {
    rendererLoading ??= loadRenderer();
    const [mapText, render] = await rendererLoading;
    performance.mark('world:renderer-loaded');
    if (disposed) return;
    const mapData = JSON.parse(mapText) as object;
    const layout = parseLayout(
      mapData,
      'maps/hospital.tmj',
      app.kb.departments.map((d) => d.id),
      ExamRoom.options.filter((r) => r !== 'consulting-room'),
    );
    // The kiosk always runs the offline brain: a public screen spends nothing and needs no key.
    const brain = kioskMode ? undefined : worldBrainFactory(app, (why) => notices.push(`${w('llmUnavailable', app.lang())}: ${why}`));
    const r = new HospitalRun(app, layout, { arrivalsPerHour: kioskMode ? 14 : 16 }, undefined, brain);
    cleanups.push(() => r.stop());
    run = r;
    let drill: ReturnType<typeof startWorldDrill> | undefined;
    try {
      const spec = kioskMode ? undefined : drillFromAddress(params, r.sim.config.patientSeed);
      if (spec) drill = startWorldDrill(r, spec);
    } catch (err) {
      notices.push(`${badDrillTitle(app.lang())}: ${(err as Error).message}`);
    }
    performance.mark('world:run-ready');
    if (kioskMode) r.minutesPerSecond = 0.5;
    let kiosk: Kiosk | undefined;
    const bridge: SceneBridge = {
      map: mapData,
      urls: { tiles: tilesUrl, characters: charactersUrl, icons: iconsUrl },
      frame: (delta, now) => {
        const told = r.advance(delta, now);
        r.speak(told, app.lang());
        kiosk?.onFrame(told, now);
      },
      snapshot: () => r.sim.snapshot(),
      bubbles: r.bubbles,
      rooms: layout.rooms,
      lang: app.lang,
      signText: (key, lang) => signText(app, key, lang),
      patientLook: (id) => {
        const p = r.sim.patientRecord(id)?.persona;
        return patientLook(id, p?.age ?? 40, p?.sex ?? 'M');
      },
      staffLook,
      select: (id) => {
        selected = id;
        inspectorSig = '';
        if (id) sheet?.open('inspector');
        drawPanels();
      },
      overlay,
      reducedMotion,
      ...(kioskMode ? {} : { openingGlideMs: OPENING_GLIDE_MS }),
      cameraChanged: (view) => camera?.onCamera(view),
    };
    const running = await render.startGame(stage, bridge);
    if (disposed) return running.destroy();
    cleanups.push(() => running.destroy());
    status.remove();
    if (kioskMode) {
      const study = new KioskStudy(app.lang);
      stage.append(study.el);
      kiosk = new Kiosk(r, running.scene, caption, app.lang, study);
    }
    cleanups.push(installHook(r, running.scene, overlay, running.stepTimes));
    if (!kioskMode) {
      camera = cameraControls(stage, running.scene, app.lang, bridge.select);
      stage.append(camera.el);
      cleanups.push(camera.dispose);
    }

    const time = timeControls(r, app.lang);
    cleanups.push(time.dispose);
    // What the doctors learn here survives a reload (the kiosk's tour is not kept: it restarts daily).
    for (const text of notices) toolbar.after(h('p', { class: 'error', attrs: { role: 'alert', 'data-testid': 'world-notice' } }, text));
    if (!kioskMode) {
      const saveError = h('p', { class: 'error', attrs: { role: 'alert', hidden: '' } });
      toolbar.after(saveError);
      cleanups.push(
        keepLearning(app, r, (message) => {
          saveError.hidden = false;
          saveError.textContent = `${w('saveFailed', app.lang())}: ${message}`;
        }),
      );
    }
    const roomSelect = h('select', { class: 'room-list', attrs: { 'aria-label': 'rooms', 'data-testid': 'room-list' } });
    const fillRooms = (): void => {
      const l = app.lang();
      const label = (name: string): string => {
        const room = layout.rooms.get(name);
        if (room?.kind === 'consulting' && room.department) return departmentName(r.voice, room.department, l);
        if (room?.kind === 'exam' && room.department) return PLACES[room.department]?.[l] ?? name;
        return PLACES[room?.kind ?? name]?.[l] ?? name;
      };
      const names = [...layout.rooms.keys()].filter((n) => !n.startsWith('ward-') && n !== 'lobby');
      roomSelect.replaceChildren(
        h('option', { attrs: { value: '' } }, w('rooms', l)),
        ...names.map((n) => h('option', { attrs: { value: n } }, label(n))),
      );
    };
    roomSelect.addEventListener('change', () => {
      if (roomSelect.value) running.scene.showRoom(roomSelect.value);
      roomSelect.value = '';
    });
    fillRooms();
    toolbar.append(time.el, roomSelect);

    const hudBox = h('section', { class: 'panel hud-panel' });
    const inspector = h('section', { class: 'panel inspector', attrs: { 'data-testid': 'inspector' } });
    const log = eventLog(r, app.kb, app.lang);
    const logTitle = h('h4', {});
    const logBox = h('section', { class: 'panel log-panel' }, logTitle, log.el);
    side.append(...(drill ? [drill.el] : []), hudBox, inspector, logBox);
    sheet = bottomSheet(side, { hud: hudBox, inspector, log: logBox }, app.lang);

    const drawPanels = (): void => {
      const l = app.lang();
      time.refresh();
      hudBox.replaceChildren(hud(r, l));
      drill?.refresh(l);
      logTitle.textContent = w('log', l);
      log.refresh();
      const snap = r.sim.snapshot();
      const j = selected ? r.journals.get(selected) : undefined;
      const p = selected ? snap.patients.find((x) => x.id === selected) : undefined;
      const doctorDep = selected?.startsWith('doctor:') ? selected.slice('doctor:consult-'.length) : undefined;
      const sig = [
        l,
        selected,
        p?.stage,
        p?.at,
        j?.dialogue.length,
        j?.exams.length,
        j?.outcome?.truth,
        doctorDep ? r.reports.get(doctorDep)?.patient : '',
      ].join('|');
      if (sig === inspectorSig) return;
      inspectorSig = sig;
      inspector.replaceChildren(
        h('h4', {}, w('inspector', l)),
        selected ? inspect(selected, snap, { run: r, staff: app.staff, portrait }, l) : h('p', { class: 'muted' }, w('clickSomeone', l)),
      );
    };
    drawPanels();
    const timer = window.setInterval(drawPanels, PANEL_MS);
    cleanups.push(() => window.clearInterval(timer));
    const onLang = ({ lang }: { lang: Lang }): void => {
      r.relabel(lang);
      fillRooms();
      camera?.refresh();
      sheet?.refresh();
      inspectorSig = '';
      drawPanels();
    };
    app.bus.on('lang:changed', onLang);
    cleanups.push(() => app.bus.off('lang:changed', onLang));
    // New doctors (an import, a replay, a reset): the hospital reopens with them, so every
    // consultation from now on is theirs and what they learn here stays with them.
    const onStaff = (): void => {
      if (r.staff === app.staff) return;
      r.start();
      selected = undefined;
      inspectorSig = '';
      drawPanels();
    };
    app.bus.on('staff:changed', onStaff);
    cleanups.push(() => app.bus.off('staff:changed', onStaff));
    document.body.dataset['world'] = 'ready';
  })().catch((err: unknown) => {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = `${w('worldFailed', app.lang())}: ${(err as Error).message}`;
    document.body.dataset['world'] = 'error';
  });

  return () => {
    disposed = true;
    for (const c of cleanups.reverse()) c();
    delete document.body.dataset['world'];
    document.body.classList.remove('kiosk');
    el.replaceChildren();
  };
}

/** The hospital you can watch: the first and default view of the page. */
export const worldView: View = {
  id: 'world',
  title: { en: 'Hospital', zh: '医院' },
  mount: mountWorld,
};
