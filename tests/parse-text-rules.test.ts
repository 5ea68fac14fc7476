import { describe, expect, it } from 'vitest';
import { parseTextBody, type TextBodyResult } from '../src/parse/text/parseTextBody.js';
import type { Block, EmbedBlock, ListBlock } from '../src/types.js';

function parse(...lines: string[]): TextBodyResult {
  return parseTextBody(lines.join('\n'), 1, null);
}

const kinds = (blocks: Block[]): string[] => blocks.map((b) => b.type);
const texts = (blocks: Block[]): string[] =>
  blocks.map((b) => (b.type === 'paragraph' || b.type === 'heading' ? b.content.text : b.type));
const removedAs = (r: TextBodyResult, reason: string): string[] =>
  r.removed.filter((x) => x.reason === reason).map((x) => x.text);

const P1 = 'The minister spoke to reporters in the capital on Monday about the new budget.';
const P2 = 'Opposition parties said the plan would raise taxes for most working families.';
const P3 = 'A vote is expected in parliament later this month, officials said.';

describe('paragraph layout', () => {
  it('reads one paragraph per line when there are no blank lines', () => {
    expect(texts(parse(P1, P2, P3).blocks)).toEqual([P1, P2, P3]);
  });

  it('joins the lines of hard-wrapped blank-line-separated blocks with a space', () => {
    const r = parse(
      'The minister spoke to reporters in the capital on Monday',
      'about the new budget and its effect on families.',
      '',
      'Opposition parties said the plan would raise taxes for most',
      'working families across the country.',
    );
    expect(texts(r.blocks)).toEqual([
      'The minister spoke to reporters in the capital on Monday about the new budget and its effect on families.',
      'Opposition parties said the plan would raise taxes for most working families across the country.',
    ]);
  });

  it('keeps attribution, transcript and chrome lines apart inside wrapped blocks', () => {
    const r = parse(
      'The minister spoke to reporters in the capital on Monday',
      'about the new budget and its effect on families.',
      '',
      'Reporter grills the minister over the budget plan in a tense exchange',
      'REPORTER: Who pays for this budget in the end, minister?',
      'MINISTER: Everyone pays a fair share. pic.twitter.com/abc123',
      '— News Clips (@newsclips) May 20, 2024',
      '',
      'Opposition parties said the plan would raise taxes for most',
      'working families across the country.',
      'Share this:',
    );
    expect(kinds(r.blocks)).toEqual(['paragraph', 'embed', 'paragraph']);
    expect((r.blocks[1] as EmbedBlock).text.split('\n')).toHaveLength(3);
    expect(removedAs(r, 'chrome')).toEqual(['Share this:']);
  });

  it('keeps long lines separate even when the file has some blank lines', () => {
    expect(texts(parse(P1 + ' ' + P2 + ' ' + P3, P2 + ' ' + P3 + ' ' + P1, '', P3).blocks)).toHaveLength(3);
  });

  it('turns a run of bullet lines into a list and numbered lines into an ordered list', () => {
    const r = parse(P1, '- first point', '- second point', P2, '1. one', '2. two', P3);
    expect(kinds(r.blocks)).toEqual(['paragraph', 'list', 'paragraph', 'list', 'paragraph']);
    const [bullets, numbers] = r.blocks.filter((b): b is ListBlock => b.type === 'list');
    expect(bullets?.ordered).toBe(false);
    expect(bullets?.items.map((i) => i.text)).toEqual(['first point', 'second point']);
    expect(numbers?.ordered).toBe(true);
  });
});

describe('inline text', () => {
  it('makes **…** and __…__ strong and shows other markup as text', () => {
    const r = parse('Say **this** and __that__ but keep *this*, <b>tags</b> and [links](http://x.y).');
    const p = r.blocks[0];
    if (p?.type !== 'paragraph') throw new Error('expected a paragraph');
    expect(p.content.text).toBe('Say this and that but keep *this*, <b>tags</b> and [links](http://x.y).');
    expect(p.content.marks).toEqual([
      { kind: 'strong', start: 4, end: 8 },
      { kind: 'strong', start: 13, end: 17 },
    ]);
  });

  it('leaves unpaired or spaced delimiters and snake__case alone', () => {
    for (const text of ['2 ** 3 is eight.', 'A ** spaced ** pair.', 'Use snake__case__names here.', 'Open **only.']) {
      const p = parse(text).blocks[0];
      expect(p?.type === 'paragraph' && p.content).toEqual({ text, marks: [] });
    }
  });
});

describe('site chrome', () => {
  it.each([
    'Pages', 'No comments:', 'Post a Comment', 'Share this:', 'Like this:', 'Newer Post', 'Older Post', 'Home',
    'Subscribe to: Post Comments (Atom)', 'Labels: Iran, United States', 'Posted by Jane Doe at 10:32 AM',
    'Advertisement', 'Skip to content', '3 comments:', '© 2024 Example Media',
  ])('removes a standalone %j line', (line) => {
    const r = parse(P1, line, P2);
    expect(removedAs(r, 'chrome')).toEqual([line]);
    expect(texts(r.blocks)).toEqual([P1, P2]);
  });

  it('keeps sentences that merely start like chrome', () => {
    const lines = ['Home prices rose again in March.', 'Share prices fell sharply on Tuesday.', 'Posted by mail, the letters arrived late.'];
    expect(parse(P1, ...lines).removed).toEqual([]);
  });
});

describe('trailing spam', () => {
  it('removes a trailing list of links that share no vocabulary with the article', () => {
    const r = parse(P1, P2, '- Celebrity Net Worth Revealed', '- Leaked Holiday Photos', '- Best Pizza Recipes');
    expect(removedAs(r, 'seo-links')).toEqual(['- Celebrity Net Worth Revealed\n- Leaked Holiday Photos\n- Best Pizza Recipes']);
    expect(kinds(r.blocks)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps a trailing list about the article', () => {
    const r = parse(P1, P2, '- Budget tax changes explained', '- What the minister said', '- Opposition parties react');
    expect(r.removed).toEqual([]);
    expect(kinds(r.blocks)).toEqual(['paragraph', 'paragraph', 'list']);
  });

  it('removes trailing related headlines from other stories', () => {
    const r = parse(
      P1,
      P2,
      'Iran Wants To Negotiate After Crippling Israeli Strikes | The Daily Caller',
      'Israel targets the Defense Ministry headquarters as Tehran unleashes',
    );
    expect(removedAs(r, 'related-headlines')).toHaveLength(1);
    expect(texts(r.blocks)).toEqual([P1, P2]);
  });

  it('removes a single trailing headline only when it names its outlet', () => {
    expect(removedAs(parse(P1, P2, 'Markets Slide As Oil Prices Jump | Example News'), 'related-headlines')).toHaveLength(1);
    expect(parse(P1, P2, 'Markets slide as oil prices jump again this week').removed).toEqual([]);
  });

  it('keeps short data lines ending an article (fixtures, rankings)', () => {
    const r = parse(P1, P2, 'Chelsea v Birmingham', 'Newcastle v Coventry', 'Southampton v Portsmouth');
    expect(r.removed).toEqual([]);
  });
});

describe('engagement prompts', () => {
  it('removes a standalone poll question', () => {
    const r = parse(P1, 'Is Iran a major threat to U.S. security?', P2);
    expect(removedAs(r, 'engagement-prompt')).toEqual(['Is Iran a major threat to U.S. security?']);
    expect(texts(r.blocks)).toEqual([P1, P2]);
  });

  it('removes an explicit call for comments', () => {
    expect(removedAs(parse(P1, 'What do you think?', P2), 'engagement-prompt')).toEqual(['What do you think?']);
  });

  it.each([
    ['a quoted question', '“Is this the best we can do for our families?” she asked.'],
    ['a question without quotes but with speech marks inside', 'Is it "fair" to ask families to pay more?'],
    ['a past-tense rhetorical lede', 'Has there been a better match than Saturday’s epic in Paris?'],
    ['a short rhetorical question', 'Is that fair?'],
    ['a normal short paragraph', 'He declined to comment.'],
    ['a question in a longer paragraph', 'Is the plan affordable? Economists are divided on the question.'],
  ])('keeps %s', (_label, line) => {
    const r = parse(P1, line, P2);
    expect(r.removed).toEqual([]);
    expect(texts(r.blocks)).toContain(line);
  });

  it('keeps a question that the line before introduces', () => {
    expect(parse('The survey asked one question:', 'Should the budget be approved by parliament?', P2).removed).toEqual([]);
  });

  it('treats a Title-Case question as a heading, not a prompt', () => {
    const r = parse(P1, 'Is This the End of Cheap Energy?', P2);
    expect(r.removed).toEqual([]);
    expect(kinds(r.blocks)).toEqual(['paragraph', 'heading', 'paragraph']);
  });
});

describe('table of contents and headings', () => {
  it('removes a contents block and makes its entries headings', () => {
    const r = parse('In this article:', '- Background Of The Deal', '- What Comes Next', 'Background Of The Deal', P1 + 'What Comes Next', P2);
    expect(r.contents).toEqual(['Background Of The Deal', 'What Comes Next']);
    expect(removedAs(r, 'table-of-contents')).toHaveLength(1);
    expect(kinds(r.blocks)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
    expect(texts(r.blocks)[1]).toBe(P1);
  });

  it('does not take a single item after "Contents" for a table of contents', () => {
    const r = parse(P1, 'Contents', '- only one item', P2);
    expect(r.contents).toEqual([]);
    expect(r.removed).toEqual([]);
  });

  it('splits a Title-Case heading glued to a sentence end', () => {
    const r = parse(P1 + 'The Road To The Vote', P2);
    expect(texts(r.blocks)).toEqual([P1, 'The Road To The Vote', P2]);
    const after = parse(`He said "it is over."The Road Ahead`, P2);
    expect(texts(after.blocks)).toEqual(['He said "it is over."', 'The Road Ahead', P2]);
  });

  it.each([
    ['a missing space between sentences', 'The vote failed.He added that it would return next year.'],
    ['an abbreviation', 'Troops from the U.S.Army Corps arrived.'],
    ['a sentence-case run', 'The vote failed.the new plan is coming soon'],
  ])('does not split %s', (_label, line) => {
    expect(texts(parse(line, P2).blocks)).toEqual([line, P2]);
  });

  it('recognises a standalone Title-Case line before a paragraph as a heading', () => {
    expect(kinds(parse(P1, 'Reaction From The Markets', P2).blocks)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('keeps short sentence-case lines and captions as paragraphs', () => {
    expect(kinds(parse(P1, 'He left soon after.', P2, 'Saturday, 26 February', P3).blocks)).toEqual(
      Array(5).fill('paragraph'),
    );
  });
});

describe('headline and dateline at the top', () => {
  it('takes a headline and a following dateline', () => {
    const r = parse('Budget Plan Faces Key Vote', 'Tuesday, 30 January 2024', P1);
    expect(r.headline).toEqual({ text: 'Budget Plan Faces Key Vote', line: 1 });
    expect(r.dateline).toEqual({ date: '2024-01-30', precision: 'day', line: 2 });
    expect(texts(r.blocks)).toEqual([P1]);
  });

  it('reads a month dateline with month precision', () => {
    expect(parse('January 2024', P1).dateline).toEqual({ date: '2024-01', precision: 'month', line: 1 });
  });

  it('leaves a date line in the middle of the article alone', () => {
    const r = parse(P1, P2, '30 January 2024', P3);
    expect(r.dateline).toBeNull();
    expect(texts(r.blocks)).toContain('30 January 2024');
  });

  it('does not take a sentence as the headline', () => {
    expect(parse(P1, P2).headline).toBeNull();
  });
});

describe('embedded posts', () => {
  it('builds an embed from a post line and its attribution', () => {
    const r = parse(P1, 'Big news today https://t.co/abc', '— Jane Doe (@jdoe) 3 March 2023', P2);
    const embed = r.blocks[1] as EmbedBlock;
    expect(embed).toMatchObject({ type: 'embed', author: 'Jane Doe', handle: 'jdoe', date: '2023-03-03', url: null });
    expect(embed.text).toBe('Big news today https://t.co/abc');
    expect(texts(r.blocks)).toEqual([P1, 'embed', P2]);
  });

  it('keeps an impossible date as text with a null date', () => {
    const r = parse(P1, 'Hello pic.twitter.com/xyz', '— Jane Doe (@jdoe) April 31, 2024');
    expect(r.blocks[1]).toMatchObject({ date: null, dateText: 'April 31, 2024', url: 'https://pic.twitter.com/xyz' });
  });

  it('does not swallow body paragraphs above a one-line post', () => {
    const r = parse(P1, P2, 'The post text.', '— A B (@ab) May 1, 2024');
    expect(texts(r.blocks)).toEqual([P1, P2, 'embed']);
  });
});
