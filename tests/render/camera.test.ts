import { describe, expect, it } from 'vitest';
import { busiestSpot, fitZoom, sceneZoom } from '../../src/render/camera';

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
