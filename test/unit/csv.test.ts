// CSV fields and records as the exports write them (src/http/exports/csv.ts).
import { describe, expect, it } from 'vitest';
import { citationLine, csvField, csvRow, joinList } from '../../src/http/exports/csv.js';

describe('CSV (RFC 4180)', () => {
  it('quotes a field only when it holds a quote, comma, CR or LF, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('writes null and undefined as empty fields, numbers and booleans as text', () => {
    expect(csvRow([null, undefined, 3, true, 'x'])).toBe(',,3,true,x\r\n');
  });

  it('ends every record with CRLF and joins list items with a line feed inside one quoted field', () => {
    expect(csvRow([joinList(['a', 'b'])])).toBe('"a\nb"\r\n');
    expect(joinList(null)).toBe('');
    expect(citationLine({ source: 'source:eken2024', locator: '§4', digestId: 'x', confidence: 'STATED' })).toBe('source:eken2024 | §4 | STATED');
  });
});
