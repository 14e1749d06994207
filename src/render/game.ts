import Phaser from 'phaser';
import { HospitalScene } from './HospitalScene';
import type { SceneBridge } from './sceneBridge';

export interface RunningGame {
  scene: HospitalScene;
  game: Phaser.Game;
  /** Milliseconds of the last frames from the start of Phaser's step to the end of its render. */
  stepTimes: number[];
  destroy(): void;
}

/** Frames of step times kept (about four seconds at 60 frames a second). */
const STEP_TIMES_KEPT = 240;

/**
 * Starts Phaser in `parent` with the hospital scene. Loaded with a dynamic import by the world
 * view, so the page's first paint never waits for Phaser. Pixel art stays crisp at any zoom:
 * nearest-neighbour sampling, whole-pixel camera.
 */
export function startGame(parent: HTMLElement, bridge: SceneBridge): Promise<RunningGame> {
  return new Promise((resolve, reject) => {
    const game = new Phaser.Game({
      type: Phaser.AUTO,
      parent,
      width: Math.max(320, parent.clientWidth),
      height: Math.max(240, parent.clientHeight),
      pixelArt: true,
      roundPixels: true,
      banner: false,
      backgroundColor: '#3b4654',
      scale: { mode: Phaser.Scale.RESIZE },
      audio: { noAudio: true },
      // Let the page keep the mouse wheel for scrolling outside the canvas.
      input: { mouse: { preventDefaultWheel: true } },
    });
    const scene = new HospitalScene();
    const stepTimes: number[] = [];
    let stepStart = 0;
    game.events.on(Phaser.Core.Events.PRE_STEP, () => void (stepStart = performance.now()));
    game.events.on(Phaser.Core.Events.POST_RENDER, () => {
      stepTimes.push(performance.now() - stepStart);
      if (stepTimes.length > STEP_TIMES_KEPT) stepTimes.shift();
    });
    game.events.once(Phaser.Core.Events.READY, () => {
      try {
        game.scene.add('hospital', scene, false);
        scene.events.once(Phaser.Scenes.Events.CREATE, () => resolve({ scene, game, stepTimes, destroy: () => game.destroy(true) }));
        game.scene.start('hospital', bridge);
      } catch (err) {
        reject(err as Error);
      }
    });
  });
}
