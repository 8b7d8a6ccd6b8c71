/**
 * A slide's view is exactly what the app's link holds: capturing one writes linkQuery, applying one goes
 * through the same apply*Link doors as an opened link (the physics ends with replay(step), so the same
 * draws come back), then shows the slide's screen.
 */
import { applyLink, linkQuery } from '../app/link/linkSync.ts';
import { parseLink } from '../app/link/urlSchema.ts';
import type { AppModels } from '../app/models.ts';
import { LESSON_SCREENS, type LessonScreen, type Slide } from './lesson.ts';

/** The screen in the address's hash (the first screen when the hash names none). */
export function currentScreen(): LessonScreen {
  const id = location.hash.slice(1);
  return (LESSON_SCREENS as readonly string[]).includes(id) ? (id as LessonScreen) : 'physics';
}

/** The current view as a slide. The interface language is left out: a lesson plays in the viewer's. */
export function captureSlide(models: AppModels, caption: string): Slide {
  const params = new URLSearchParams(
    linkQuery('en', models.physics, models.languageLoaded.peek(), models.parallel),
  );
  params.delete('lang');
  return { screen: currentScreen(), view: params.toString(), caption };
}

/** Puts a slide's view into the models and shows its screen. Returns the settings the models refused. */
export async function applySlide(slide: Slide, models: AppModels): Promise<string[]> {
  const { settings, rejected } = parseLink(slide.view);
  delete settings.lang;
  const applied = applyLink(settings, models);
  const refused = [...rejected, ...applied.refused, ...(await applied.languageRefused)];
  if (location.hash.slice(1) !== slide.screen) location.hash = slide.screen;
  return refused;
}
