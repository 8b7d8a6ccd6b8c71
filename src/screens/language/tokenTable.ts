/**
 * The numbers behind a bar chart as a table for screen readers (visually hidden). Cells are text nodes
 * updated in place, so a slider drag rewrites only what changed.
 */
import { h } from '../../shared/ui/dom.ts';

export interface TokenTable {
  root: HTMLTableElement;
  setCaption(text: string): void;
  /** One array of cell texts per row; the first cell is the row's header (the token). */
  setRows(rows: readonly (readonly string[])[]): void;
}

function setText(node: Text, value: string): void {
  if (node.data !== value) node.data = value;
}

export function createTokenTable(headers: readonly string[]): TokenTable {
  const caption = document.createTextNode('');
  const body = h('tbody');
  const root = h(
    'table',
    { class: 'visually-hidden token-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
    body,
  );
  let cells: Text[][] = [];

  return {
    root,
    setCaption(text) {
      setText(caption, text);
    },
    setRows(rows) {
      if (rows.length !== cells.length) {
        cells = rows.map(() => headers.map(() => document.createTextNode('')));
        body.replaceChildren(
          ...cells.map((row) =>
            h(
              'tr',
              {},
              ...row.map((cell, c) => (c === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
            ),
          ),
        );
      }
      rows.forEach((row, r) => {
        row.forEach((value, c) => {
          setText(cells[r][c], value);
        });
      });
    },
  };
}
