import { type ReadonlySignal, signal } from '@preact/signals-core';
import { h } from '../shared/ui/dom.ts';
import { onDispose } from '../shared/ui/lifetime.ts';
import type { ScreenHandle } from './screen.ts';

export interface ScreenDefinition {
  id: string;
  label: string;
  /** Builds the screen into `host` the first time it is shown (screens after the first load lazily). */
  mount(host: HTMLElement): Promise<ScreenHandle>;
}

/**
 * Tabs between screens, kept in the URL hash (#physics, #language, #parallel) so the back button and
 * shared links land on the same screen. A screen is mounted on first visit and kept while hidden.
 */
export interface Navigation {
  element: HTMLElement;
  /** The visible screen, once it has mounted. */
  active(): ScreenHandle | null;
  /** The id of the visible screen. */
  activeId(): string | null;
  /** The visible screen once it has mounted, as a signal (stage mode follows it). */
  visible: ReadonlySignal<ScreenHandle | null>;
}

export function createNavigation(
  screens: readonly ScreenDefinition[],
  container: HTMLElement,
  label: string,
): Navigation {
  const nav = h('nav', { class: 'screen-tabs', 'aria-label': label });
  const mounted = new Map<string, ScreenHandle>();
  const links = new Map<string, HTMLAnchorElement>();
  const hosts = new Map<string, HTMLElement>();
  const handles = new Map<string, Promise<ScreenHandle>>();
  for (const screen of screens) {
    const link = h('a', { href: `#${screen.id}`, class: 'screen-tab', id: `tab-${screen.id}` }, screen.label);
    links.set(screen.id, link);
    nav.append(link);
    const host = h('main', { class: `screen screen-${screen.id}`, id: `screen-${screen.id}` });
    host.hidden = true;
    hosts.set(screen.id, host);
    container.append(host);
  }

  let current: string | null = null;
  const visible = signal<ScreenHandle | null>(null);
  function show(id: string): void {
    const screen = screens.find((candidate) => candidate.id === id) ?? screens[0];
    if (screen.id === current) return;
    if (current !== null) hosts.get(current)?.setAttribute('hidden', '');
    current = screen.id;
    const host = hosts.get(screen.id);
    if (!host) return;
    host.hidden = false;
    for (const [linkId, link] of links) {
      if (linkId === screen.id) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    let handle = handles.get(screen.id);
    if (!handle) {
      handle = screen.mount(host);
      handles.set(screen.id, handle);
    }
    visible.value = mounted.get(screen.id) ?? null;
    void handle.then((handle) => {
      mounted.set(screen.id, handle);
      if (current === screen.id) visible.value = handle;
    });
  }

  const onHashChange = () => show(location.hash.slice(1));
  window.addEventListener('hashchange', onHashChange);
  onDispose(() => window.removeEventListener('hashchange', onHashChange));
  show(location.hash.slice(1));
  return {
    element: nav,
    active: () => (current === null ? null : (mounted.get(current) ?? null)),
    activeId: () => current,
    visible,
  };
}
