import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, RESULTS_DIR, servePage, type BrowserSession } from './harness';
import { auditStore } from './storeAudit';
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

describe('the hospital world in Chromium', () => {
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    url = (await servePage()).url;
    session = await openBrowser();
    await session.page.goto(`${url}?lang=en`);
    await session.page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens on the hospital with the disclaimer, a drawn map and no console errors', async () => {
    const { page } = session;
    await expect(page.getByTestId('disclaimer').textContent()).resolves.toContain('not medical advice');
    await expect(page.locator('[data-view="world"]').getAttribute('class')).resolves.toContain('active');
    await page.waitForTimeout(1000);
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
    const since = 0;
    await hook(session, 'setSpeed', 40);
    let done: { id: string; events: Ev[] } | undefined;
    for (let t = 0; t < 120 && !done; t++) {
      await session.page.waitForTimeout(500);
      const events = await hook<Ev[]>(session, 'events', since);
      for (const id of ids) {
        const mine = events.filter((e) => e.payload['patient'] === id);
        const examRoom = mine.find((e) => e.type === 'exam:started' && e.payload['room'] !== 'consulting-room');
        if (examRoom && mine.some((e) => e.type === 'patient:dispensed')) done = { id, events: mine };
      }
    }
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
    const events = await hook<Ev[]>(session, 'events');
    const diagnosed = events.filter((e) => e.type === 'patient:diagnosed').at(-1);
    expect(diagnosed).toBeDefined();
    const department = String(diagnosed!.payload['department']);
    await page.selectOption('[data-testid="room-list"]', `consult-${department}`);
    await page.waitForTimeout(1200);
    const where = await hook<{ x: number; y: number }>(session, 'screenOf', `doctor:consult-${department}`);
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
    await page.selectOption('[data-testid="room-list"]', 'waiting');
    await page.waitForTimeout(900);
    let where = await hook<{ x: number; y: number }>(session, 'screenOf', target!.id);
    const box = (await page.locator('[data-testid="world-stage"]').boundingBox())!;
    if (where.x < box.x || where.x > box.x + box.width || where.y < box.y || where.y > box.y + box.height) {
      // Not on screen: follow through the hook once to bring them into view, then drop it.
      await hook(session, 'follow', target!.id);
      await page.waitForTimeout(800);
      await hook(session, 'follow', undefined);
      where = await hook<{ x: number; y: number }>(session, 'screenOf', target!.id);
    }
    await page.mouse.dblclick(where.x, where.y);
    await page.locator(`[data-testid="inspect-patient"][data-id="${target!.id}"]`).waitFor({ timeout: 5000 });
    await page.waitForTimeout(1500);
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
    await page.waitForTimeout(300);
    const after = await hook<string[]>(session, 'signs');
    expect(after).toContain('心血管内科');
    expect(after).toContain('药房');
    await hook(session, 'setSpeed', 2);
    let bubbles: { text: string }[] = [];
    for (let t = 0; t < 40 && bubbles.length === 0; t++) {
      await page.waitForTimeout(250);
      bubbles = await hook<{ text: string }[]>(session, 'bubbles');
    }
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
    await page.waitForTimeout(400);
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
    // Pausing saves (one IndexedDB transaction, after the export of what was learned): the
    // reload waits until the store holds the consultations, however long a loaded machine takes.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(' ');
    await expect.poll(() => auditStore(page).then((a) => a.consultations), { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await auditStore(page)).problems).toEqual([]);
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
