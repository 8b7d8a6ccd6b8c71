/**
 * The QR code of the handout's link, drawn as one SVG path. The encoder (uqr, MIT, no dependencies, no
 * eval) is fetched the first time a handout is made, never with the app.
 */
type Encoder = typeof import('uqr').encode;

let encoder: Encoder | null = null;
let loading: Promise<Encoder> | null = null;

/** Fetches the encoder once; later handouts draw their code at once. */
export function loadQrEncoder(): Promise<Encoder> {
  loading ??= import('uqr').then(
    (module) => {
      encoder = module.encode;
      return module.encode;
    },
    (error: unknown) => {
      // Not fetched (offline before the app was cached): the next handout tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The code for `text` in black on white, or null while the encoder is still on its way. */
export function qrCode(text: string, label: string): SVGSVGElement | null {
  if (!encoder) return null;
  const { size, data } = encoder(text, { ecc: 'M', border: 4 });
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.classList.add('handout-qr');
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y][x]) d += `M${x},${y}h1v1h-1z`;
  }
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const modules = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  modules.setAttribute('d', d);
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}
