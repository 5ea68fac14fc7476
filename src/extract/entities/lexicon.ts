/**
 * Closed-class English words the entity finder reads as grammar, not as names: titles that announce
 * a person, head nouns that make a name an organisation or a place, words that cue the kind of the
 * name next to them, and function words that are capitalised only because they start a sentence.
 * These are word classes of the language, not a list of entities: country and city names come from
 * the gazetteer packages (`gazetteer.ts`), never from here. All entries are lower-case token keys.
 */

import { tokenKey } from './tokens.js';

/** A set of token keys (`it's` → `its`), so entries compare with `Token.key`. */
const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/).map(tokenKey));

/** Words that announce a person when they stand before a name (`President Raisi`, `spokesman Matthew Miller`). */
export const PERSON_TITLES = words(`
  president premier minister chancellor secretary spokesman spokeswoman spokesperson leader ayatollah
  general gen lieutenant colonel col major maj captain capt commander admiral sergeant sgt marshal
  senator sen representative rep congressman congresswoman governor gov mayor judge justice
  king queen prince princess emperor sultan emir sheikh shah pope cardinal archbishop bishop imam
  rabbi reverend rev father pastor ambassador envoy mr mrs ms miss dr doctor prof professor sir
  dame lord lady baroness baron chairman chairwoman chair ceo founder director boss chief speaker
  inspector detective constable superintendent
  coach manager striker midfielder defender goalkeeper winger captain player actor actress singer
  star presenter author novelist writer director producer comedian rapper musician mp mep msp qc
`);

/** Words that may stand between a title and the name without being part of it (`Supreme Leader`, `Foreign Minister`). */
export const TITLE_MODIFIERS = words(`
  supreme foreign prime vice deputy former acting chief defence defense interior finance home health
  trade education culture shadow opposition junior senior first grand crown attorney state federal
  national executive managing general lieutenant energy environment justice economy business
  transport culture sports sport labour work works treasury security european
`);

/** Last words that make a name an organisation (`State Department`, `Associated Press`). */
export const ORGANIZATION_HEADS = words(`
  department ministry corps agency council party press news journal times post telegraph guardian
  herald tribune bank university college school institute association committee commission
  foundation union league federation organization organisation company corporation corp inc ltd
  plc llc group court army navy force forces guard guards police office service authority board
  club fc assembly parliament congress senate government administration nations house embassy
  network television radio channel tv airlines united rovers athletic wanderers albion rangers airways motors records studios pictures church
  mosque hospital museum fund exchange reserve state command brigade brigades battalion movement
  front alliance coalition society trust institution bureau unit center centre laboratory labs
  systems technologies industries holdings partners capital academy orchestra theatre theater
  opera ballet choir zoo
`);

/** Last words that make a name an event, award or work, never a person (`World Cup`, `Davis Cup`, `Golden Globes`). */
export const OTHER_HEADS = words(`
  cup championship championships open games olympics festival awards award prize prizes trophy
  series show tour grand slam war wars act bill treaty agreement accord summit conference day
  week year election elections album film movie book song season
`);

/** Last words that make a name a place (`Red Sea`, `Gaza Strip`, `Middle East`). */
export const PLACE_HEADS = words(`
  sea ocean strip gulf bay river lake mountains mount island islands peninsula desert valley coast
  province region county district square street avenue road airport canal strait straits heights
  east west north south highlands plateau basin delta lagoon falls park forest city town village
`);

/** Lower-case words after a name that make it a place (`East Azerbaijan province`). */
export const PLACE_CUES_AFTER = words(`province region county district governorate prefecture oblast state village town city`);

/** Lower-case words before `of X` that make X a place (`city of Kerman`). */
export const PLACE_CUES_BEFORE_OF = words(`city town village province region county district state capital island port`);

/** Lower-case words after a name that make it an organisation (`Huthi rebels`). */
export const ORGANIZATION_CUES_AFTER = words(`rebels militants militia militias movement group insurgents fighters faction`);

/** Lower-case words that may join the capitalised words of one name (`Bank of England`, `Osama bin Laden`). */
export const NAME_PARTICLES = words(`of the de del della der den di da das dos du la le van von bin bint ibn al el`);

/** Words that begin a name only when followed by a name part (`Bank of England` but not `Iran of`). */
export const OF_JOINABLE_HEADS = new Set([...ORGANIZATION_HEADS, ...PLACE_HEADS, 'republic', 'kingdom', 'isle', 'cape', 'duke', 'duchess', 'earl', 'museum', 'gulf', 'sea']);

/** Compass adjectives that may stand before a place without being part of its name (`northwestern Iran`). */
export const DIRECTIONS = words(`
  north south east west northern southern eastern western central northeast northwest southeast
  southwest northeastern northwestern southeastern southwestern
`);

/** Names of days and months: capitalised but never entities. */
export const CALENDAR_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
`);

/** Function words and sentence openers that are capitalised only because a sentence starts with them. */
export const STOPWORDS = words(`
  a an the and or but nor so yet for of in on at to from by with without within about above below
  after before during since until while as if then than that this these those there here where
  when why how what which who whom whose whether because although though however therefore thus
  meanwhile moreover furthermore nevertheless instead also still even just only not no yes
  i me my we us our you your he him his she her it its they them their one ones
  is are was were be been being am do does did has have had having can could will would shall
  should may might must let lets it's its there's that's he's she's we're they're i'm
  all any both each every few many more most much other some such own same very too again once
  into onto upon over under through across along around between among against toward towards
  despite given per via amid like unlike near off out up down now today yesterday tomorrow tonight
  mr mrs ms dr
  ultimately initially eventually finally according whereas unless
  i'm i've i'd i'll you're you've we've they've they'd don't doesn't didn't can't won't isn't
  aren't wasn't weren't hasn't haven't what's who's here's oh ok okay please thanks
`);

/** Endings of adjectives formed from names (`Islamist`, `Iranian`, `Japanese`, `British`, `Islamic`). */
export const ADJECTIVE_ENDING = /(?:ist|ian|ese|ish|ic|ean|ern)$/;
