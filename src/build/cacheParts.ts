/**
 * How the record cache keeps an archive-wide result (every entity and mention, every timeline event):
 * as many records of a few thousand items each, not one. One record meant the whole result copied
 * into plain values and serialised at once beside the live one: at 16,000 articles two buffers of
 * ~160 MB and the timeline's plain copies on top of the build's own peak (extract 491 → 744 MiB,
 * timeline 588 → 1,007 MiB).
 */
import type { Diagnostic } from '../errors.js';
import { compactPlainEvents } from '../extract/events/compactEvents.js';
import type { ExtractedEntities } from '../extract/extractEntitiesStage.js';
import type { TimelineEvent } from '../types.js';
import { groupMentions, PackedMentions, type MentionList, type PackedMentionTables } from '../extract/entities/packedMentions.js';

/** Cuts a value into records the cache can copy (`v8.serialize`), and puts it together again. */
export interface RecordParts<T> {
  /** The value as records, made one at a time as the cache asks for them. */
  cut(value: T): Iterable<unknown>;
  /** The value again, from what `cut` made (in its order), read one record at a time. */
  join(parts: Iterable<unknown>): T;
}

/** Items per record: small enough that each record's plain copy and bytes are soon garbage. */
const ITEMS_PER_PART = 4096;

/** `items` in slices of ITEMS_PER_PART, each passed through `plain`. */
function* slices<I, O>(items: readonly I[], plain: (slice: I[]) => O): Generator<O> {
  for (let at = 0; at < items.length; at += ITEMS_PER_PART) yield plain(items.slice(at, at + ITEMS_PER_PART));
}

/** Appends `part` to `into` without spreading it into arguments (a spread of a big array overflows the stack). */
function append<T>(into: T[], part: readonly T[]): void {
  for (const item of part) into.push(item);
}

/** The plain records of `events` (see `CompactEvent.toJSON`): what the cache can copy. */
const plainEvents = (events: TimelineEvent[]): TimelineEvent[] => events.map((event) => ('toJSON' in event ? (event as { toJSON(): TimelineEvent }).toJSON() : event));

/** The timeline's events, a slice of plain records at a time; compact again when read back (see `compactPlainEvents`). */
export const timelineParts: RecordParts<TimelineEvent[]> = {
  cut: (events) => slices(events, plainEvents),
  join: (parts) => compactPlainEvents(parts as Iterable<TimelineEvent[]>),
};

/** What the entity stage gives a cold build: its value and the problems it found. */
type EntityStageResult = { value: ExtractedEntities; diagnostics: Diagnostic[] };

/**
 * One record of the entity stage's result: its problems, a slice of its entities, the tables of its
 * packed mentions or a chunk of their numbers (see `PackedMentions.tables`).
 */
type EntityPart = { diagnostics: Diagnostic[] } | { entities: ExtractedEntities['entities'] } | { mentionTables: PackedMentionTables } | { mentionChunk: Int32Array };

/** The entity stage's result: its problems first, then its entities a slice at a time, then its mentions (packed: tables, then their numbers a chunk at a time). */
export const entityParts: RecordParts<EntityStageResult> = {
  *cut({ value, diagnostics }) {
    yield { diagnostics } satisfies EntityPart;
    yield* slices(value.entities, (entities): EntityPart => ({ entities }));
    const packed = value.mentions instanceof PackedMentions ? value.mentions : packMentions(value.mentions);
    const { tables, chunks } = packed.tables();
    yield { mentionTables: tables } satisfies EntityPart;
    for (const mentionChunk of chunks) yield { mentionChunk } satisfies EntityPart;
  },
  join(parts) {
    const result: EntityStageResult = { value: { entities: [], mentions: [] }, diagnostics: [] };
    let tables: PackedMentionTables | null = null;
    const chunks: Int32Array[] = [];
    for (const part of parts as EntityPart[]) {
      if ('diagnostics' in part) append(result.diagnostics, part.diagnostics);
      else if ('entities' in part) append(result.value.entities, part.entities);
      else if ('mentionTables' in part) tables = part.mentionTables;
      else chunks.push(part.mentionChunk);
    }
    if (tables) result.value.mentions = PackedMentions.fromTables(tables, chunks);
    return result;
  },
};

/** A plain list of mentions (in article order), packed. */
function packMentions(mentions: MentionList): PackedMentions {
  const packed = new PackedMentions();
  for (const [articleId, list] of groupMentions(mentions)) packed.push(articleId, list);
  return packed;
}
