import type { DisplayUnit } from '../../core/spectra/index.ts';
import { formatEnergy } from '../../core/spectra/index.ts';
import type { Strings } from '../../strings/en.ts';
import type { SystemModel } from '../model/system.ts';
import { h } from './dom.ts';
import { formatCount, formatNumber, formatShare, localizeNumbers } from './format.ts';
import { mathElement, setMathText } from './mathText.ts';

/** Rows beyond this are summed into one "more levels" row, as on the canvas. */
export const TABLE_MAX_ROWS = 60;

export interface OccupancyTable {
  root: HTMLElement;
  setSystem(system: SystemModel, unit: DisplayUnit): void;
  update(probabilities: Float64Array, counts: Float64Array, total: number): void;
}

/**
 * The histogram as a table: what screen readers read and what the browser tests check.
 * Cells are updated in place so that a running simulation doesn't rebuild the DOM each step.
 */
export interface TableHeaders {
  level: string;
  energy: string;
  degeneracy: string;
}

export function createOccupancyTable(
  strings: Strings,
  id = 'occupancy-table',
  headerOverrides: Partial<TableHeaders> = {},
  /** Rows beyond this are summed into one row (the printed handout shows fewer than the screen). */
  maxRows = TABLE_MAX_ROWS,
): OccupancyTable {
  const body = h('tbody');
  const names: TableHeaders = {
    level: strings.tableLevel,
    energy: strings.tableEnergy,
    degeneracy: strings.tableDegeneracy,
    ...headerOverrides,
  };
  const headers = [
    names.level,
    names.energy,
    names.degeneracy,
    strings.tableTheory,
    strings.tableCount,
    strings.tableFraction,
  ].map((title) => mathElement('th', title, { scope: 'col' }));
  const energyHeader = headers[1];
  const table = h(
    'table',
    { id, class: 'data-table' },
    h('caption', {}, strings.tableCaption),
    h('thead', {}, h('tr', {}, ...headers)),
    body,
  );
  let cells: HTMLTableCellElement[][] = [];
  let shown = 0;

  return {
    root: h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': strings.tableHeading },
      table,
    ),
    setSystem(system, unit) {
      setMathText(
        energyHeader,
        `${names.energy} (${unit === 'internal' ? strings.internalUnit(system.energyUnit.symbol) : unit})`,
      );
      const levelCount = system.spectrum.energies.length;
      shown = levelCount > maxRows ? maxRows - 1 : levelCount;
      const rows: HTMLTableRowElement[] = [];
      cells = [];
      for (let i = 0; i < shown; i++) {
        const row = h('tr', { 'data-level': i });
        const rowCells = [
          h('th', { scope: 'row' }, strings.levelLabel(system.labels[i])),
          h(
            'td',
            {},
            localizeNumbers(
              formatEnergy(system.spectrum.energies[i], unit, system.energyUnit, 5).replace(/ \S+$/, ''),
            ),
          ),
          h('td', {}, formatNumber(system.spectrum.degeneracies[i], 6)),
          h('td'),
          h('td'),
          h('td'),
        ];
        row.append(...rowCells);
        rows.push(row);
        cells.push(rowCells);
      }
      if (shown < levelCount) {
        const row = h('tr', { 'data-level': 'rest' });
        const rowCells = [
          h('th', { scope: 'row' }, strings.tableMoreLevels(levelCount - shown)),
          h('td'),
          h('td'),
          h('td'),
          h('td'),
          h('td'),
        ];
        row.append(...rowCells);
        rows.push(row);
        cells.push(rowCells);
      }
      body.replaceChildren(...rows);
    },
    update(probabilities, counts, total) {
      let restP = 0;
      let restCount = 0;
      for (let i = shown; i < probabilities.length; i++) {
        restP += probabilities[i];
        restCount += counts[i];
      }
      for (let r = 0; r < cells.length; r++) {
        const p = r < shown ? probabilities[r] : restP;
        const count = r < shown ? counts[r] : restCount;
        // Theory and observation in one format, so that they compare at a glance.
        setText(cells[r][3], formatShare(p));
        setText(cells[r][4], formatCount(count));
        setText(cells[r][5], formatShare(count / total));
      }
    },
  };
}

function setText(cell: HTMLTableCellElement, text: string): void {
  if (cell.textContent !== text) cell.textContent = text;
}
