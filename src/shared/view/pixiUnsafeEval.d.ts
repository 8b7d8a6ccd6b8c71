// pixi.js exports './unsafe-eval' without a "types" condition, and ships its declarations as init.d.ts
// beside init.mjs (TypeScript would look for init.d.mts), so the import is untyped without this. The module
// has no exports: importing it installs pixi's eval-free code paths (see ParticleScene.create).
declare module 'pixi.js/unsafe-eval';
