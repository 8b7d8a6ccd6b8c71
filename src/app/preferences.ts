/**
 * Display preferences: projector mode (high contrast, larger type) and a colour-blind-safe palette.
 * They are attributes on <html> that swap the CSS tokens; the canvas reads the same tokens.
 */
export interface DisplayPreferences {
  projector: boolean;
  colourBlind: boolean;
}

const STORAGE_KEY = 'boltzmann-lab.display';

export function loadPreferences(): DisplayPreferences {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<DisplayPreferences>;
    return { projector: stored.projector === true, colourBlind: stored.colourBlind === true };
  } catch {
    return { projector: false, colourBlind: false };
  }
}

export function savePreferences(preferences: DisplayPreferences): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Not remembered; the choice still applies now.
  }
}

export function applyPreferences(preferences: DisplayPreferences): void {
  const root = document.documentElement;
  root.dataset.projector = preferences.projector ? 'on' : 'off';
  root.dataset.palette = preferences.colourBlind ? 'colour-blind' : 'default';
}
