import { describe, expect, it } from 'vitest';
import { markArtifacts, paintPlaces, readOperations, writeOperations } from '../pipeline/pdf/content-stream.js';

const bytes = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));
const text = (data: Uint8Array) => String.fromCharCode(...data);

describe('a content stream read as operators', () => {
  it('keeps strings, arrays and dictionaries whole, escapes and all', () => {
    const operations = readOperations(bytes('BT /F1 9 Tf [(a\\) b) -20 <00410042>] TJ (x(y)z) Tj ET\n/P <</MCID 3>> BDC 0 0 1 1 re f EMC % a comment\n'));
    expect(operations.map((operation) => operation.operator)).toEqual(['BT', 'Tf', 'TJ', 'Tj', 'ET', 'BDC', 're', 'f', 'EMC']);
    expect(operations[2]!.operands).toEqual(['[(a\\) b) -20 <00410042>]']);
    expect(operations[3]!.operands).toEqual(['(x(y)z)']);
    expect(operations[5]!.operands).toEqual(['/P', '<</MCID 3>>']);
  });

  it('reads back what it writes', () => {
    const source = readOperations(bytes('q 1 0 0 1 5 5 cm BT /F1 9 Tf (hi) Tj ET Q'));
    expect(readOperations(writeOperations(source))).toEqual(source);
  });

  it('keeps every byte of a string, those of 0x80 to 0x9F too', () => {
    const source = bytes('BT (\x80\x93\x9f\xff) Tj ET');
    expect(text(writeOperations(readOperations(source)))).toBe('BT\n(\x80\x93\x9f\xff) Tj\nET\n');
  });

  it('refuses a stream that ends inside a string or an array', () => {
    expect(() => readOperations(bytes('BT (open Tj ET'))).toThrow('a string is not closed');
    expect(() => readOperations(bytes('BT [(a) 2 (b) TJ ET'))).toThrow('"[" is not closed');
  });
});

describe('painting outside the tags', () => {
  it('is wrapped as artifacts, one run at a time, never across a text object or another mark', () => {
    const stream = 'BT /F1 9 Tf (page 1) Tj ET /P <</MCID 0>> BDC BT (body) Tj ET EMC 0 0 9 9 re f q 1 w 0 0 m 5 5 l S Q';
    const { operations, wrapped } = markArtifacts(readOperations(bytes(stream)));
    expect(wrapped).toBe(3);
    expect(text(writeOperations(operations)).replace(/\n/g, ' ')).toBe(
      'BT /F1 9 Tf /Artifact BMC (page 1) Tj EMC ET /P <</MCID 0>> BDC BT (body) Tj ET EMC /Artifact BMC 0 0 9 9 re f EMC q 1 w /Artifact BMC 0 0 m 5 5 l S EMC Q ',
    );
    expect(paintPlaces(operations).every((place) => place.marks.length > 0)).toBe(true);
  });

  it('takes in marked content that is neither real content nor an artifact, such as a space given its ActualText', () => {
    const { operations } = markArtifacts(readOperations(bytes('BT (a) Tj /Span <</ActualText <FEFF00A0>>> BDC (b) Tj EMC (c) Tj ET')));
    expect(text(writeOperations(operations)).replace(/\n/g, ' ')).toBe(
      'BT /Artifact BMC (a) Tj /Span <</ActualText <FEFF00A0>>> BDC (b) Tj EMC (c) Tj EMC ET ',
    );
  });

  it('leaves a stream alone when everything is tagged or an artifact already', () => {
    const { wrapped } = markArtifacts(readOperations(bytes('/Artifact BMC BT (x) Tj ET EMC /P <</MCID 1>> BDC 0 0 1 1 re f EMC')));
    expect(wrapped).toBe(0);
  });

  it('tells where each painting stands, outermost mark first', () => {
    const places = paintPlaces(readOperations(bytes('0 0 1 1 re /Artifact BMC /P <</MCID 2>> BDC (x) Tj EMC EMC')));
    expect(places.map((place) => place.marks)).toEqual([[], ['artifact', 'content']]);
  });
});
