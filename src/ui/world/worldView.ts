import { patientIdIn } from '../../schema/ids';
import { keepLearning } from './keepLearning';
import { KioskStudy } from './kioskStudy';
import { fetchMapText } from '../mapFile';
import { worldBrainFactory } from './worldBrain';
import type { Lang } from '../../schema/common';
import { ExamRoom } from '../../schema/knowledge';
import { parseLayout } from '../../sim/layout';
import { frameIndex, FRAME_H, FRAME_W, FRAMES_PER_ROW } from '../../render/art/characters';
import { patientLook, staffLook } from '../../render/cast';
import { BubbleQueue } from '../../render/bubbles';
import type { RunningGame } from '../../render/game';
import type { CameraView } from '../../render/sceneBridge';
import type { Room } from '../../sim/layout';
import type { Snapshot } from '../../sim/snapshot';
import type { AppContext, View } from '../appContext';
import { h } from '../dom';
import charactersUrl from '../../../assets/art/characters.png';
import iconsUrl from '../../../assets/art/icons.png';
import tilesUrl from '../../../assets/art/tiles.png';
import { eventLog } from './eventLog';
import { HospitalRun } from './hospitalRun';
import { hud } from './hud';
import { inspect, type InspectorDeps } from './inspector';
import { Kiosk } from './kiosk';
import { departmentName } from './lines';
import { PLACES, w } from './strings';
import { installHook } from './testHook';
import { timeControls } from './timeControls';
import { badDrillTitle, drillFromAddress, startWorldDrill } from './worldDrill';
import { departmentOfDoctor, departmentOfRoom } from '../../sim/services';
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

/**
 * The words on a room sign, from the map's `key` (department:…, exam:…, place:…). Departments'
 * names come from the knowledge base: until it has loaded (`app` undefined) their signs are blank.
 */
export function signText(app: Pick<AppContext, 'kb'> | undefined, key: string, lang: Lang): string {
  const [kind, id = ''] = key.split(':');
  if (kind === 'department') {
    if (!app) return '';
    try {
      return app.kb.department(id).name[lang];
    } catch {
      return id;
    }
  }
  return PLACES[id]?.[lang] ?? id;
}

/** Draws an agent's standing frame, enlarged, as the inspector's portrait. */
function portraitMaker(run: () => HospitalRun | undefined): InspectorDeps['portrait'] {
  const sheet = new Image();
  sheet.src = charactersUrl;
  return (agent) => {
    const r = run();
    const look =
      'staff' in agent
        ? staffLook(agent.staff, agent.role)
        : (() => {
            const p = r?.sim.patientRecord(agent.patient)?.persona;
            return p ? patientLook(agent.patient, p.age, p.sex) : undefined;
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

/** What arrives after the building is drawn: the knowledge base, the hospital's run and the panels' hooks. */
interface LateWorld {
  app?: AppContext;
  run?: HospitalRun;
  rooms?: ReadonlyMap<string, Room>;
  frame?: (deltaMs: number, nowMs: number) => void;
  select?: (id: string | undefined) => void;
  cameraChanged?: (view: CameraView) => void;
}

/** The world view's page and its Phaser game, opened before the knowledge base has loaded. */
interface WorldStage {
  kioskMode: boolean;
  toolbar: HTMLElement;
  stage: HTMLElement;
  overlay: HTMLElement;
  caption: HTMLElement;
  side: HTMLElement;
  status: HTMLElement;
  late: LateWorld;
  map: Promise<object>;
  game: Promise<RunningGame>;
  dispose(): void;
}

const stages = new WeakMap<HTMLElement, WorldStage>();
const NOBODY: Pick<Snapshot, 'patients' | 'staff'> = { patients: [], staff: [] };
const NO_ROOMS: ReadonlyMap<string, Room> = new Map();
const SILENCE = new BubbleQueue();

/**
 * Lays out the world view and starts drawing the building from the map and the art alone; the
 * knowledge base, the doctors and the patients join it later (mountWorld fills `late`).
 */
function openStage(el: HTMLElement, lang: () => Lang): WorldStage {
  const params = new URLSearchParams(location.search);
  const kioskMode = params.get('kiosk') === '1';
  const status = h('p', { class: 'muted world-status' }, w('loadingWorld', lang()));
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
  const late: LateWorld = {};
  rendererLoading ??= loadRenderer();
  const loaded = rendererLoading.then(([mapText, render]) => {
    performance.mark('world:renderer-loaded');
    return { map: JSON.parse(mapText) as object, render };
  });
  const game = loaded.then(({ map, render }) =>
    render.startGame(stage, {
      map,
      urls: { tiles: tilesUrl, characters: charactersUrl, icons: iconsUrl },
      frame: (delta, now) => late.frame?.(delta, now),
      snapshot: () => late.run?.sim.snapshot() ?? NOBODY,
      get bubbles() {
        return late.run?.bubbles ?? SILENCE;
      },
      get rooms() {
        return late.rooms ?? NO_ROOMS;
      },
      lang: () => late.app?.lang() ?? lang(),
      signText: (key, l) => signText(late.app, key, l),
      patientLook: (id) => {
        const p = late.run?.sim.patientRecord(id)?.persona;
        return patientLook(id, p?.age ?? 40, p?.sex ?? 'M');
      },
      staffLook,
      select: (id) => late.select?.(id),
      overlay,
      reducedMotion,
      // The hold before the glide counts from when the patients are in the building (see HospitalScene).
      ...(kioskMode ? {} : { openingGlideMs: OPENING_GLIDE_MS }),
      cameraChanged: (view) => late.cameraChanged?.(view),
    }),
  );
  const stageOf: WorldStage = {
    kioskMode,
    toolbar,
    stage,
    overlay,
    caption,
    side,
    status,
    late,
    map: loaded.then((l) => l.map),
    game,
    dispose: () => {
      void game.then(
        (g) => g.destroy(),
        () => undefined,
      );
      document.body.classList.remove('kiosk');
      el.replaceChildren();
    },
  };
  // Failures surface where mountWorld awaits these; until then they are not unhandled.
  for (const p of [stageOf.map, game]) p.catch(() => undefined);
  stages.set(el, stageOf);
  return stageOf;
}

/** The building before the knowledge base: `painted` resolves once its first frame is drawn. */
function previewWorld(el: HTMLElement, lang: () => Lang): { painted: Promise<void>; dispose(): void } {
  const s = openStage(el, lang);
  const painted = s.game.then(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())),
    () => undefined, // a failure is reported when the view mounts
  );
  return { painted, dispose: s.dispose };
}

function mountWorld(el: HTMLElement, app: AppContext): () => void {
  const params = new URLSearchParams(location.search);
  const { kioskMode, toolbar, stage, overlay, caption, side, status, late, ...opened } = stages.get(el) ?? openStage(el, app.lang);

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
    const mapData = await opened.map;
    if (disposed) return;
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
    // The building is already drawn (or drawing): the hospital walks into it from the next frame.
    Object.assign(late, {
      app,
      run: r,
      rooms: layout.rooms,
      frame: (delta: number, now: number) => {
        const told = r.advance(delta, now);
        r.speak(told, app.lang());
        kiosk?.onFrame(told, now);
      },
      cameraChanged: (view: CameraView) => camera?.onCamera(view),
    } satisfies LateWorld);
    const running = await opened.game;
    if (disposed) return;
    running.scene.relabelSigns(); // the departments' names have arrived with the knowledge base
    status.remove();
    if (kioskMode) {
      const study = new KioskStudy(app.lang);
      stage.append(study.el);
      kiosk = new Kiosk(r, running.scene, caption, app.lang, study);
    }
    cleanups.push(installHook(r, running.scene, overlay, running.stepTimes));
    if (!kioskMode) {
      camera = cameraControls(stage, running.scene, app.lang, (id) => late.select?.(id));
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
        const department = room?.kind === 'consulting' && room.department ? departmentOfRoom(name) : undefined;
        if (department) return departmentName(r.voice, department, l);
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
      const patient = patientIdIn(selected);
      const j = patient ? r.journals.get(patient) : undefined;
      const p = patient ? snap.patients.find((x) => x.id === patient) : undefined;
      const doctorDep = selected ? departmentOfDoctor(selected) : undefined;
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
    late.select = (id) => {
      selected = id;
      inspectorSig = '';
      if (id) sheet?.open('inspector');
      drawPanels();
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
    opened.dispose();
  };
}

/** The hospital you can watch: the first and default view of the page. */
export const worldView: View = {
  id: 'world',
  title: { en: 'Hospital', zh: '医院' },
  preview: previewWorld,
  mount: mountWorld,
};
