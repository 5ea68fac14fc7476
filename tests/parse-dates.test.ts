import { describe, expect, it } from 'vitest';
import { datesInText, latestStatedDate, parseDateline, parseFullDate } from '../src/parse/dates.js';
import type { Block } from '../src/types.js';

describe('parseFullDate', () => {
  it.each([
    ['30 January 2024', '2024-01-30'],
    ['30th January 2024', '2024-01-30'],
    ['30 Jan. 2024', '2024-01-30'],
    ['January 30, 2024', '2024-01-30'],
    ['May 20, 2024', '2024-05-20'],
    ['Jan. 3, 2020', '2020-01-03'],
    ['Sept. 9, 2021', '2021-09-09'],
    ['3 march 2020', '2020-03-03'],
    ['2024-01-30', '2024-01-30'],
    ['29 February 2024', '2024-02-29'],
    ['  May 20, 2024  ', '2024-05-20'],
  ])('reads %j', (text, expected) => {
    expect(parseFullDate(text)).toBe(expected);
  });

  it.each([
    '31 April 2024', '29 February 2023', '29 February 1900', '2024-13-01', '2024-02-30', '2024-13-45', '0 May 2024',
    'Smarch 3, 2020', 'May 2024', 'May 20', 'on May 20, 2024', 'May 20, 2024 at noon', '', '20/05/2024',
  ])('rejects %j', (text) => {
    expect(parseFullDate(text)).toBeNull();
  });

  it('accepts 29 February in a 400-year leap year', () => {
    expect(parseFullDate('29 February 2000')).toBe('2000-02-29');
  });
});

describe('parseDateline', () => {
  it.each([
    ['30 January 2024', { date: '2024-01-30', precision: 'day' }],
    ['Tuesday, 30 January 2024', { date: '2024-01-30', precision: 'day' }],
    ['Published: January 30, 2024', { date: '2024-01-30', precision: 'day' }],
    ['Updated 30 January 2024, 10:32 GMT', { date: '2024-01-30', precision: 'day' }],
    ['January 2024', { date: '2024-01', precision: 'month' }],
  ])('reads %j', (line, expected) => {
    expect(parseDateline(line)).toEqual(expected);
  });

  it.each(['The meeting was on 30 January 2024.', 'Saturday, 26 February', '2024', 'Smarch 2024'])('rejects %j', (line) => {
    expect(parseDateline(line)).toBeNull();
  });
});

describe('dates in text', () => {
  it('finds every valid full date and skips impossible ones', () => {
    const text = 'Met on January 3, 2020 and 25 Jan 2021; not on 31 April 2024 nor on January 25. Filed 2022-06-01.';
    expect(datesInText(text)).toEqual(['2020-01-03', '2021-01-25', '2022-06-01']);
  });

  it('gives the latest date stated in any block, embed dates included', () => {
    const blocks: Block[] = [
      { type: 'paragraph', anchor: '', content: { text: 'It happened on January 3, 2020.', marks: [] } },
      { type: 'list', anchor: '', ordered: false, items: [{ text: 'Signed 4 March 2021', marks: [] }] },
      {
        type: 'embed', anchor: '', kind: 'tweet', author: 'A', handle: 'a', date: '2024-05-20',
        dateText: 'May 20, 2024', text: 'Post text', url: null,
      },
    ];
    expect(latestStatedDate(blocks)).toBe('2024-05-20');
    expect(latestStatedDate(blocks.slice(0, 2))).toBe('2021-03-04');
    expect(latestStatedDate([])).toBeNull();
  });
});
