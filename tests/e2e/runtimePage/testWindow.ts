/** What the test-only runtime page puts on its window, for the tests and figures that drive it. */
import type { RealModelTestApi } from './main.ts';

declare global {
  interface Window {
    realModelTest: RealModelTestApi;
    runtime: ReturnType<RealModelTestApi['createRealModelRuntime']>;
    cspViolations: string[];
  }
}
