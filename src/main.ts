import { Application, Graphics } from 'pixi.js';
import { boltzmannProbabilities } from './core/index.ts';

async function start(): Promise<void> {
  const host = document.getElementById('app');
  if (!host) throw new Error('index.html has no #app element.');
  const app = new Application();
  await app.init({ background: '#10141c', resizeTo: host, antialias: true });
  app.canvas.setAttribute('aria-hidden', 'true');
  host.appendChild(app.canvas);

  const energies = [0, 1, 2, 3, 4];
  const probabilities = boltzmannProbabilities(energies, 1.5);
  const ladder = new Graphics();
  for (let i = 0; i < energies.length; i++) {
    const y = 360 - energies[i] * 70;
    ladder.rect(40, y, 200, 3).fill(0x9fb3c8);
    ladder.rect(260, y - 10, probabilities[i] * 400, 20).fill(0xf2a65a);
  }
  app.stage.addChild(ladder);
}

void start();
