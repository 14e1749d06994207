import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBrowser, RESULTS_DIR, servePage, type BrowserSession } from './harness';
import type { HospitalHook } from '../../src/ui/world/testHook';

type Ev = { seq: number; time: number; type: string; payload: Record<string, unknown> };
type RoomRect = Awaited<ReturnType<HospitalHook['rooms']>>[number];

/** Evaluates against the page's test hook (window.__hospital). */
const hook = <T>(session: BrowserSession, f: string, arg?: unknown): Promise<T> =>
  session.page.evaluate(
    ([fn, a]) => (window as unknown as { __hospital: Record<string, (x?: unknown) => unknown> }).__hospital[fn as string]!(a),
    [f, arg] as const,
  ) as Promise<T>;

const inRoom = (r: RoomRect | undefined, p: { tileX: number; tileY: number }): boolean =>
  !!r && p.tileX >= r.x && p.tileX < r.x + r.width && p.tileY >= r.y && p.tileY < r.y + r.height;

/** Resolves once the page has drawn `n` more animation frames: the state a screenshot or a pause check needs. */
const frames = (session: BrowserSession, n: number): Promise<void> =>
  session.page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = (): void => void (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );

/** Waits until `id` is drawn inside the world's stage and the camera has stopped moving; returns where. */
async function settledOnScreen(session: BrowserSession, id: string): Promise<{ x: number; y: number }> {
  await session.page.waitForFunction(
    (who) => {
      const w = window as unknown as { __hospital: HospitalHook; __lastSeen?: Record<string, { x: number; y: number } | undefined> };
      const p = w.__hospital.screenOf(who);
      const stage = document.querySelector('[data-testid="world-stage"]')?.getBoundingClientRect();
      const before = (w.__lastSeen ??= {})[who];
      w.__lastSeen[who] = p;
      return (
        !!p &&
        !!stage &&
        !!before &&
        p.x === before.x &&
        p.y === before.y &&
        p.x > stage.left &&
        p.x < stage.right &&
        p.y > stage.top &&
        p.y < stage.bottom
      );
    },
    id,
    { polling: 100, timeout: 15_000 },
  );
  return (await hook<{ x: number; y: number }>(session, 'screenOf', id))!;
}

/** Waits until the hospital's event log holds an event of `type`. */
const eventSeen = (session: BrowserSession, type: string, timeout = 60_000) =>
  session.page.waitForFunction(
    (t) => (window as unknown as { __hospital: HospitalHook }).__hospital.events().some((e) => e.type === t),
    type,
    { polling: 100, timeout },
  );

describe('the hospital world in Chromium', () => {
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    url = (await servePage()).url;
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  // Every test opens its own hospital: none depends on what an earlier one left behind.
  beforeEach(async () => {
    await session.page.goto(`${url}?lang=en`);
    await session.page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
  });

  it('opens on the hospital with the disclaimer, a drawn map and no console errors', async () => {
    const { page } = session;
    await expect(page.getByTestId('disclaimer').textContent()).resolves.toContain('not medical advice');
    await expect(page.locator('[data-view="world"]').getAttribute('class')).resolves.toContain('active');
    // The map has been drawn: the scene has rendered its sprites for a few frames.
    await page.waitForFunction(() => (window as unknown as { __hospital: HospitalHook }).__hospital.sprites().length > 0, undefined, {
      timeout: 30_000,
    });
    await frames(session, 10);
    const shot = await page.locator('[data-testid="world-stage"] canvas').screenshot({ path: join(RESULTS_DIR, 'world-en.png') });
    const png = PNG.sync.read(shot);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 7)
      colours.add(((png.data[i] ?? 0) << 16) | ((png.data[i + 1] ?? 0) << 8) | (png.data[i + 2] ?? 0));
    // A blank or single-colour canvas has a handful of colours; the tiled hospital has dozens.
    expect(colours.size).toBeGreaterThan(40);
    const sprites = await hook<{ kind: string }[]>(session, 'sprites');
    expect(sprites.filter((s) => s.kind === 'staff').length).toBeGreaterThanOrEqual(21 + 15 + 3);
    expect(session.consoleErrors).toEqual([]);
  });

  it('at high speed a patient walks from the entrance through triage, a department and an examination room to the pharmacy', async () => {
    const rooms = await hook<RoomRect[]>(session, 'rooms');
    const room = (name: string) => rooms.find((r) => r.name === name);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await hook<string>(session, 'admit');
      await hook(session, 'track', id);
      ids.push(id);
    }
    await hook(session, 'setSpeed', 40);
    // One of them has been to an examination room and collected their medicine.
    const doneOf = (events: Ev[]): { id: string; events: Ev[] } | undefined => {
      for (const id of ids) {
        const mine = events.filter((e) => e.payload['patient'] === id);
        const examRoom = mine.find((e) => e.type === 'exam:started' && e.payload['room'] !== 'consulting-room');
        if (examRoom && mine.some((e) => e.type === 'patient:dispensed')) return { id, events: mine };
      }
      return undefined;
    };
    await session.page
      .waitForFunction(
        (who) => {
          const events = (window as unknown as { __hospital: HospitalHook }).__hospital.events() as Ev[];
          return who.some(
            (id) =>
              events.some((e) => (e.payload as Ev['payload'])['patient'] === id && e.type === 'patient:dispensed') &&
              events.some(
                (e) =>
                  (e.payload as Ev['payload'])['patient'] === id &&
                  e.type === 'exam:started' &&
                  (e.payload as Ev['payload'])['room'] !== 'consulting-room',
              ),
          );
        },
        ids,
        { polling: 250, timeout: 60_000 },
      )
      .catch(() => undefined);
    const done = doneOf(await hook<Ev[]>(session, 'events', 0));
    await hook(session, 'setSpeed', 0.2);
    expect(done, 'one of the admitted patients completed a visit with an examination room').toBeDefined();
    const { id, events } = done!;
    const order = [
      'patient:arrived',
      'patient:triaged',
      'patient:registered',
      'consultation:started',
      'exam:started',
      'patient:diagnosed',
      'patient:dispensed',
    ];
    const at = order.map((type) => events.findIndex((e) => e.type === type));
    expect(
      at.every((i) => i >= 0),
      `${order.join(' → ')}: ${at.join(',')}`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    const department = String(events.find((e) => e.type === 'patient:triaged')!.payload['department']);
    const exam = String(events.find((e) => e.type === 'exam:started' && e.payload['room'] !== 'consulting-room')!.payload['room']);
    const trail = await hook<{ tileX: number; tileY: number }[]>(session, 'trail', id);
    const firstIn = (name: string) => trail.findIndex((p) => inRoom(room(name), p));
    const steps = ['triage', `consult-${department}`, `exam-${exam}`, 'pharmacy'].map((name) => ({ name, at: firstIn(name) }));
    for (const s of steps) expect(s.at, `the sprite was drawn inside ${s.name}`).toBeGreaterThanOrEqual(0);
    expect(steps.map((s) => s.at)).toEqual([...steps.map((s) => s.at)].sort((a, b) => a - b));
    // Drawn smoothly: consecutive samples never jump more than a few tiles except when the sim sends the patient home and back.
    const entrance = trail[0]!;
    expect(entrance.tileY).toBeGreaterThanOrEqual(55);
  });

  it('clicking a doctor opens the inspector with a diagnosis report', async () => {
    const { page } = session;
    await hook(session, 'setSpeed', 40);
    await eventSeen(session, 'patient:diagnosed');
    await hook(session, 'setSpeed', 0.2);
    const events = await hook<Ev[]>(session, 'events');
    const diagnosed = events.filter((e) => e.type === 'patient:diagnosed').at(-1);
    expect(diagnosed).toBeDefined();
    const department = String(diagnosed!.payload['department']);
    await page.selectOption('[data-testid="room-list"]', `consult-${department}`);
    const where = await settledOnScreen(session, `doctor:consult-${department}`);
    await page.mouse.click(where.x, where.y);
    const report = page.locator('[data-testid="inspect-doctor"] [data-testid="diagnosis-report"]');
    await report.waitFor({ timeout: 5000 });
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Thought');
    expect(text).toContain('Differential');
    expect(text).toMatch(/\d+%/);
    await page.screenshot({ path: join(RESULTS_DIR, 'world-inspector.png') });
  });

  it('double-clicking a patient makes the camera follow them', async () => {
    const { page } = session;
    type P = { id: string; stage: string };
    const patients = (await hook<{ patients: P[] }>(session, 'snapshot')).patients;
    // Someone who will stay a while: waiting for a doctor or a result.
    const target = patients.find((p) => p.stage === 'queued' || p.stage === 'waiting-result' || p.stage === 'consulting') ?? patients[0];
    expect(target).toBeDefined();
    // Held still while the camera is brought to them, so that the double-click lands.
    await hook(session, 'pause');
    await page.selectOption('[data-testid="room-list"]', 'waiting');
    // Following through the hook brings them into view wherever they are; then it is dropped.
    await hook(session, 'follow', target!.id);
    await settledOnScreen(session, target!.id);
    await hook(session, 'follow', undefined);
    const where = await settledOnScreen(session, target!.id);
    const box = (await page.locator('[data-testid="world-stage"]').boundingBox())!;
    await page.mouse.dblclick(where.x, where.y);
    await page.locator(`[data-testid="inspect-patient"][data-id="${target!.id}"]`).waitFor({ timeout: 5000 });
    await hook(session, 'play');
    // The camera comes to them and stays with them.
    await page
      .waitForFunction(
        ([id, cx, cy]) => {
          const p = (window as unknown as { __hospital: HospitalHook }).__hospital.screenOf(id as string);
          return !!p && Math.abs(p.x - (cx as number)) < 40 && Math.abs(p.y - (cy as number)) < 40;
        },
        [target!.id, box.x + box.width / 2, box.y + box.height / 2] as const,
        { polling: 100, timeout: 15_000 },
      )
      .catch(() => undefined);
    await frames(session, 10);
    const after = await hook<{ x: number; y: number } | undefined>(session, 'screenOf', target!.id);
    expect(after, 'the followed patient is still in the building').toBeDefined();
    expect(Math.abs(after!.x - (box.x + box.width / 2))).toBeLessThan(40);
    expect(Math.abs(after!.y - (box.y + box.height / 2))).toBeLessThan(40);
  });

  it('switching to Chinese rewrites the room signs and the speech bubbles', async () => {
    const { page } = session;
    const before = await hook<string[]>(session, 'signs');
    expect(before).toContain('Cardiology');
    await page.click('[data-lang="zh"]');
    await page
      .waitForFunction(() => (window as unknown as { __hospital: HospitalHook }).__hospital.signs().includes('心血管内科'), undefined, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    const after = await hook<string[]>(session, 'signs');
    expect(after).toContain('心血管内科');
    expect(after).toContain('药房');
    await hook(session, 'setSpeed', 2);
    await page
      .waitForFunction(() => (window as unknown as { __hospital: HospitalHook }).__hospital.bubbles().length > 0, undefined, {
        timeout: 20_000,
      })
      .catch(() => undefined);
    const bubbles = await hook<{ text: string }[]>(session, 'bubbles');
    expect(bubbles.length).toBeGreaterThan(0);
    for (const b of bubbles) expect(b.text).toMatch(/[\u4e00-\u9fff]/);
    await expect(page.getByTestId('disclaimer').textContent()).resolves.toContain('不构成医疗建议');
    await page.screenshot({ path: join(RESULTS_DIR, 'world-zh.png') });
    expect(session.consoleErrors).toEqual([]);
  });

  it('pauses with the space bar, steps one tick while paused, and changes speed with the buttons and + / −', async () => {
    const { page } = session;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(' ');
    const t0 = await hook<{ time: number }>(session, 'snapshot');
    // Paused: the page goes on drawing frames, the clock does not move.
    await frames(session, 20);
    const t1 = await hook<{ time: number }>(session, 'snapshot');
    expect(t1.time).toBe(t0.time);
    await page.click('[data-testid="step"]');
    const t2 = await hook<{ time: number }>(session, 'snapshot');
    expect(t2.time).toBeCloseTo(t0.time + 0.25, 6);
    await page.keyboard.press(' ');
    await page.click('[data-speed="5"]');
    await expect(page.getByTestId('rate').textContent()).resolves.toContain('0.5');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('+');
    await expect(page.getByTestId('rate').textContent()).resolves.toContain('1 ');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(page.getByTestId('rate').textContent()).resolves.toContain('0.2');
  });

  it('keeps what the doctors learned in the hospital across a reload', async () => {
    const { page } = session;
    await hook(session, 'play');
    await hook(session, 'setSpeed', 600);
    await page.waitForFunction(
      () =>
        (window as unknown as { __hospital: { events: () => { type: string }[] } }).__hospital
          .events()
          .some((e) => e.type === 'patient:followed-up'),
      undefined,
      { timeout: 60_000 },
    );
    // Pausing saves (one IndexedDB transaction): wait for the page to count one more save.
    const saves = () => page.evaluate(() => Number(document.body.dataset['learningSaves'] ?? 0));
    const before = await saves();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(' ');
    await page.waitForFunction((n) => Number(document.body.dataset['learningSaves'] ?? 0) > n, before, { timeout: 30_000 });
    await page.goto(`${url}?lang=en&view=learning`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="summary-consultations"]')?.textContent?.replace(/,/g, '')) > 0,
      undefined,
      { timeout: 30_000 },
    );
    expect(session.consoleErrors).toEqual([]);
  });
});
