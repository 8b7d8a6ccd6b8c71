/**
 * The test-only page's script: the real-model runtime, download and storage as the app's build makes
 * them (same Vite, same CSP), reachable from the browser tests. Not part of the app.
 */
import {
  downloadModel,
  modelNameFromAddress,
  parseModelAddress,
  probeModelSize,
} from '../../../src/realModel/modelDownload.ts';
import {
  deleteStoredModel,
  listStoredModels,
  openStoredModel,
  storageFigures,
} from '../../../src/realModel/modelStore.ts';
import { createRealModelRuntime } from '../../../src/realModel/realModelRuntime.ts';

const api = {
  createRealModelRuntime,
  downloadModel,
  modelNameFromAddress,
  parseModelAddress,
  probeModelSize,
  deleteStoredModel,
  listStoredModels,
  openStoredModel,
  storageFigures,
};

export type RealModelTestApi = typeof api;

(window as unknown as { realModelTest: RealModelTestApi }).realModelTest = api;
document.documentElement.dataset.ready = 'true';
