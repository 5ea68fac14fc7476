import { describe, expect, it } from 'vitest';
import { headlineFromBody, readsAsHeadline } from '../src/parse/headline.js';
import type { Block } from '../src/types.js';

const paragraph = (text: string): Block => ({ type: 'paragraph', anchor: '', content: { text, marks: [] } });

describe('readsAsHeadline', () => {
  it.each([
    'Ad sales boost Time Warner profit',
    'Iran Asked Us For Help: Unpacking A Diplomatic Dilemma',
    'US Secretly Warned Iran Of Threat Within Its Borders Ahead Of Deadly Attack On Soleimani Memorial',
    'Is this the end of cheap energy?',
    'Rivals of the £400 Apple...',
    'U.S. Officials Weigh New Sanctions',
    'Gov. Newsom Signs Climate Bill',
  ])('accepts %j', (line) => {
    expect(readsAsHeadline(line)).toBe(true);
  });

  it.each([
    'An unusual request for assistance made by Iran to the United States government wasn’t fulfilled.',
    '30 January 2024',
    'Pages',
    'Table of Contents',
    '- a list item',
    'https://example.com/story',
    'The vote failed.He added more',
    'The vote failed. He added more',
    'A very long line that goes on and on with far too many words to be any kind of headline at all really',
    '',
    '2024',
  ])('rejects %j', (line) => {
    expect(readsAsHeadline(line)).toBe(false);
  });
});

describe('headlineFromBody', () => {
  it('uses a short first sentence whole, without its period', () => {
    expect(headlineFromBody([paragraph('Talks collapsed in Geneva. Both sides blamed each other.')])).toBe(
      'Talks collapsed in Geneva',
    );
  });

  it('cuts a long first sentence to at most 12 words with an ellipsis', () => {
    const h = headlineFromBody([
      paragraph('An unusual request for assistance made by Iran to the United States government wasn’t fulfilled. More.'),
    ]);
    expect(h).toBe('An unusual request for assistance made by Iran to the United States…');
    expect(h?.split(' ').length).toBeLessThanOrEqual(12);
  });

  it('prefers a clause boundary', () => {
    const h = headlineFromBody([
      paragraph('The minister resigned on Monday, ending weeks of speculation about her future in the cabinet.'),
    ]);
    expect(h).toBe('The minister resigned on Monday…');
  });

  it('does not end on a dangling small word', () => {
    const h = headlineFromBody([
      paragraph('Officials in the capital confirmed on Tuesday that the talks with the union had failed again.'),
    ]);
    expect(h).toBe('Officials in the capital confirmed on Tuesday that the talks…');
  });

  it('never returns the whole first paragraph of several sentences', () => {
    const text = 'Short one. Then another sentence follows here.';
    expect(headlineFromBody([paragraph(text)])).toBe('Short one');
  });

  it('skips headings and embeds and returns null without paragraphs', () => {
    const heading: Block = { type: 'heading', level: 2, anchor: '', content: { text: 'Intro', marks: [] } };
    expect(headlineFromBody([heading, paragraph('Body starts here.')])).toBe('Body starts here');
    expect(headlineFromBody([heading])).toBeNull();
  });

  it('stays bounded on a huge first paragraph', () => {
    expect(headlineFromBody([paragraph('word '.repeat(300_000))])?.endsWith('…')).toBe(true);
  });
});
