import { describe, expect, it } from 'vitest';
import { busiestSpot, fitZoom, sceneZoom, signScale } from '../../src/render/camera';

describe('the camera of the hospital', () => {
  it('the overview fits the whole building on a laptop and on a phone, with a margin', () => {
    const laptop = fitZoom(944, 578, 1600, 960);
    expect(laptop * 1600).toBeLessThanOrEqual(944);
    expect(laptop * 960).toBeLessThanOrEqual(578);
    expect(laptop * 960).toBeGreaterThan(578 * 0.9);
    const phone = fitZoom(396, 567, 1600, 960);
    expect(phone * 1600).toBeLessThanOrEqual(396);
    expect(phone * 1600).toBeGreaterThan(396 * 0.9);
  });

  it('a close look shows at least fourteen tiles across, even on a phone', () => {
    expect(sceneZoom(944, 578, 16)).toBe(1.5);
    expect(396 / (sceneZoom(396, 567, 16) * 16)).toBeGreaterThanOrEqual(14);
  });

  it('the busiest scene is where the patients crowd, not where staff stand at their posts', () => {
    const staff = Array.from({ length: 6 }, (_, i) => ({ fx: 10 + i, fy: 10 }));
    const queue = Array.from({ length: 3 }, (_, i) => ({ fx: 60 + i, fy: 50, weight: 4 }));
    const spot = busiestSpot([...staff, ...queue], 20, 12);
    expect(spot?.x).toBeCloseTo(61, 5);
    expect(spot?.y).toBe(50);
    expect(busiestSpot([], 20, 12)).toBeUndefined();
  });
});

describe('the room signs', () => {
  it('are drawn as on the map when close, and larger when far, in a few steps that keep them near eleven screen pixels', () => {
    expect(signScale(2)).toBe(1);
    expect(signScale(1.2)).toBe(1);
    for (const zoom of [1, 0.8, 0.57, 0.47]) {
      const px = 8 * signScale(zoom) * zoom;
      expect(px).toBeGreaterThanOrEqual(11);
      expect(px).toBeLessThan(16);
    }
    // At a phone's overview they stop growing: a sign never spreads past its room (roomSigns.ts shrinks it to fit).
    expect(signScale(0.23)).toBe(3);
    expect(new Set([0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1].map(signScale)).size).toBeLessThanOrEqual(5);
  });
});
