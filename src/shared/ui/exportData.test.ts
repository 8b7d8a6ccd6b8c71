import { expect, test } from 'vitest';
import { buildSystem } from '../model/system.ts';
import { occupancyCsv } from './exportData.ts';

const headers = {
  level: 'Level',
  energy: 'Energy',
  degeneracy: 'g',
  theory: 'p',
  count: 'Count',
  fraction: 'Fraction',
};

test('every level is a row with full-precision numbers', () => {
  const system = buildSystem({ kind: 'list', text: '0, 1:3' });
  const csv = occupancyCsv(system, system.labels, [0.25, 0.75], [3, 7], 10, headers);
  expect(csv).toBe('Level,Energy,g,p,Count,Fraction\r\nlevel 1,0,1,0.25,3,0.3\r\nlevel 2,1,3,0.75,7,0.7\r\n');
});

test('labels that could break the file or run as a spreadsheet formula are quoted and defused', () => {
  const system = buildSystem({ kind: 'list', text: '0, 1' });
  const csv = occupancyCsv(system, ['a,"b"', '=HYPERLINK("x")'], [0.5, 0.5], [1, 1], 2, headers);
  expect(csv).toContain('"a,""b"""');
  expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
});
