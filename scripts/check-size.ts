/**
 * Size budget: the JavaScript the first screen needs, gzipped, must stay under BUDGET_BYTES.
 *
 * "Needed for the first screen" is the entry script of dist/index.html plus everything it imports
 * statically (Vite's manifest `imports`, the same files index.html preloads), and any classic script the
 * page loads (registerSW.js). Chunks reached only through
 * dynamic import() (`dynamicImports`: the language screens, pixi's renderer back-ends, the trainer worker)
 * load later and are not counted. Sizes are gzip level 9 of the built files, as a static host would serve
 * them. Prints one row per counted chunk, and a per-package breakdown from the source maps when the build
 * wrote them. Exits 1 above the budget.
 *
 *     npm run build && npm run size            # dist/
 *     npx tsx scripts/check-size.ts other/dist  # another build
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const dist = process.argv[2] ?? 'dist';
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(
    `${manifestPath} is missing: build first (npm run build; vite.config.ts sets build.manifest).`,
  );
  process.exit(1);
}
const manifest: Manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const html = readFileSync(join(dist, 'index.html'), 'utf8');

// The entry as the page really loads it: the module script in index.html, matched to its manifest key.
const entrySrc = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
if (!entrySrc) {
  console.error(`${dist}/index.html has no <script type="module" src=…>.`);
  process.exit(1);
}
const entryFile = entrySrc.replace(/^\.?\//, '');
const entryKey = Object.keys(manifest).find((key) => manifest[key].file === entryFile);
if (!entryKey) {
  console.error(`The entry ${entrySrc} is not in ${manifestPath}.`);
  process.exit(1);
}

// Static imports only, breadth-first, each chunk once.
const counted: string[] = [];
const queue = [entryKey];
while (queue.length > 0) {
  const key = queue.shift() as string;
  if (counted.includes(key)) continue;
  counted.push(key);
  queue.push(...(manifest[key].imports ?? []));
}

// Every statically imported chunk should also be preloaded by index.html; a mismatch means this walk and
// the browser disagree about what the first screen loads, so the figure would be wrong.
const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) =>
  match[1].replace(/^\.?\//, ''),
);
// Classic scripts of the page (registerSW.js, which registers the service worker) load up front too.
const classicScripts = [...html.matchAll(/<script\b([^>]*)>/g)]
  .filter((match) => !/type="module"/.test(match[1]))
  .map((match) => /src="([^"]+)"/.exec(match[1])?.[1]?.replace(/^\.?\//, ''))
  .filter((file): file is string => file !== undefined);
const countedFiles = [...counted.map((key) => manifest[key].file), ...classicScripts];
const notWalked = preloaded.filter((file) => !countedFiles.includes(file));
if (notWalked.length > 0) {
  console.error(`index.html preloads files the manifest walk missed: ${notWalked.join(', ')}`);
  process.exit(1);
}

interface Row {
  file: string;
  raw: number;
  gzip: number;
}
const rows: Row[] = countedFiles.map((file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
rows.sort((a, b) => b.gzip - a.gzip);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const table = (header: string[], lines: string[][]) => {
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((line) => line[i].length)));
  const format = (line: string[]) =>
    line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
};

const totalRaw = rows.reduce((sum, row) => sum + row.raw, 0);
const totalGzip = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log(`First-screen JavaScript (${dist}/index.html entry and its static imports):\n`);
table(
  ['chunk', 'minified', 'gzip -9'],
  [...rows.map((row) => [row.file, kb(row.raw), kb(row.gzip)]), ['total', kb(totalRaw), kb(totalGzip)]],
);

printPackageBreakdown(rows);

const verdict = `${kb(totalGzip)} gzipped of a ${kb(BUDGET_BYTES)} budget`;
if (totalGzip > BUDGET_BYTES) {
  console.error(`\nOVER BUDGET: ${verdict}. Code-split what the first screen does not need.`);
  process.exit(1);
}
console.log(`\nWithin budget: ${verdict}.`);

/**
 * Which packages the counted bytes come from, read from the source maps: each mapped segment of the
 * minified output is charged to the source file it came from. Minified bytes, not gzip (gzip does not
 * split by source); good enough to see what to split off.
 */
function printPackageBreakdown(chunks: Row[]): void {
  const byPackage = new Map<string, number>();
  for (const chunk of chunks) {
    const mapPath = join(dist, `${chunk.file}.map`);
    if (!existsSync(mapPath)) continue; // e.g. registerSW.js, which has no map
    const map: { sources: string[]; mappings: string } = JSON.parse(readFileSync(mapPath, 'utf8'));
    const code = readFileSync(join(dist, chunk.file), 'utf8').split('\n');
    const names = map.sources.map((source) => packageOf(resolve(dirname(mapPath), source)));
    const cursor = { source: 0 };
    map.mappings.split(';').forEach((line, lineIndex) => {
      const segments = decodeLine(line, cursor);
      const lineLength = (code[lineIndex] ?? '').length;
      segments.forEach((segment, i) => {
        const end = i + 1 < segments.length ? segments[i + 1].column : lineLength;
        const name = segment.source === undefined ? '(unmapped)' : names[segment.source];
        byPackage.set(name, (byPackage.get(name) ?? 0) + Math.max(0, end - segment.column));
      });
    });
  }
  if (byPackage.size === 0) return; // built without source maps
  const total = [...byPackage.values()].reduce((sum, bytes) => sum + bytes, 0);
  const lines = [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => [name, kb(bytes), `${((100 * bytes) / total).toFixed(1)} %`]);
  console.log('\nBy source package (minified bytes, from the source maps):\n');
  table(['package', 'minified', 'share'], lines);
}

/** A node_modules package by name; the project's own code by its folder under src/. */
function packageOf(file: string): string {
  const path = relative(process.cwd(), file);
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match) return match[1];
  return /^src\/[^/]+/.exec(path)?.[0] ?? path;
}

// Source-map mappings: per generated line, comma-separated segments of base64 VLQ fields. Columns reset on
// each line; the source index carries over across lines (in `cursor`).
function decodeLine(line: string, cursor: { source: number }): { column: number; source?: number }[] {
  const segments: { column: number; source?: number }[] = [];
  let column = 0;
  for (const text of line.split(',')) {
    if (text === '') continue;
    const fields = decodeVlq(text);
    column += fields[0];
    if (fields.length > 1) {
      cursor.source += fields[1];
      segments.push({ column, source: cursor.source });
    } else {
      segments.push({ column });
    }
  }
  return segments;
}

function decodeVlq(text: string): number[] {
  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
