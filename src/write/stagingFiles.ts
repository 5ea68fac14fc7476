/**
 * The file work of a staged write, synchronous, one file at a time: each file of the new site is
 * either the same bytes as the previous site's copy (noted, then hard-linked into the staging
 * folder) or written into the staging folder. It runs on the main thread for a small site and on a
 * writer thread for a big one (`writerThread.ts`), so the main thread goes on rendering while the
 * pages are written (at 4,000 articles that is 383 MB in 11,790 files, whose file system calls took
 * 3–5 s of a cold build when the main thread made them between pages).
 *
 * A file arrives as a sequence of operations (`FileOp`): `begin`, its text or bytes in one or more
 * pieces, `end`. A file being compared is read back piece by piece against the pieces that arrive;
 * at the first difference the bytes already found equal are copied from the old file and the rest
 * written, so even a big data export is never whole in memory.
 *
 * The staging folder is only made once a file differs: until then the unchanged files are just
 * noted (`pending`), so when no file at all changed the output folder is left untouched.
 */
import { closeSync, copyFileSync, fstatSync, linkSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { resolveInside } from './safePath.js';

/** One step of the file work, as the writer sends it (plain data: it may cross to a thread). */
export type FileOp =
  /** The next file starts; `compare`: the previous site has a copy, which may hold the same bytes. */
  | { op: 'begin'; file: string; compare: boolean }
  /** The next piece of the current file, as text (encoded to UTF-8 here) or bytes. */
  | { op: 'piece'; piece: string | Uint8Array }
  /** The current file is complete. */
  | { op: 'end' }
  /** A static file, copied from `source` (or linked, when the previous site has the same bytes). */
  | { op: 'copy'; file: string; source: string; compare: boolean }
  /** Make the staging folder now, with every unchanged file noted so far (before the swap). */
  | { op: 'stage' };

/** What the file work has done so far. */
export interface StagingState {
  /** True once the staging folder exists (a file differed, or `stage` was asked for). */
  staged: boolean;
  /** Files found to hold the same bytes as the previous site's. */
  unchanged: number;
}

/** The file being received: compared with the old copy until a piece differs, then written. */
interface Current {
  file: string;
  /** The old copy while comparing (null once writing). */
  old: { fd: number; size: number } | null;
  /** Bytes of the old copy found equal so far (while comparing). */
  matched: number;
  /** The new file once writing (null while comparing). */
  fd: number | null;
}

/** Bytes read from an old copy at once, when copying its equal start into the new file. */
const COPY_BLOCK = 64 * 1024;

export class StagingFiles {
  private readonly state: StagingState = { staged: false, unchanged: 0 };
  /** Unchanged files noted before the staging folder existed; linked into it when it is made. */
  private pending: string[] = [];
  /** Folders made in the staging folder. */
  private readonly folders = new Set<string>();
  private current: Current | null = null;

  constructor(
    /** The output folder: where the previous site's copies are. */
    private readonly outDir: string,
    /** The staging folder the new site is written into. */
    private readonly staging: string,
  ) {}

  /** What has been done so far (a copy). */
  get progress(): StagingState {
    return { ...this.state };
  }

  apply(op: FileOp): void {
    switch (op.op) {
      case 'begin':
        return this.begin(op.file, op.compare);
      case 'piece':
        return this.piece(typeof op.piece === 'string' ? Buffer.from(op.piece) : op.piece);
      case 'end':
        return this.end();
      case 'copy':
        return this.copy(op.file, op.source, op.compare);
      case 'stage':
        return this.startStaging();
    }
  }

  /** Closes whatever file is open (after a failure, before the staging folder is removed). */
  release(): void {
    const current = this.current;
    this.current = null;
    if (current?.old) closeQuietly(current.old.fd);
    if (current?.fd !== null && current?.fd !== undefined) closeQuietly(current.fd);
  }

  private begin(file: string, compare: boolean): void {
    if (this.current) throw new Error(`${this.current.file} was not finished before ${file} began.`);
    const old = compare ? openOld(resolveInside(this.outDir, file)) : null;
    this.current = { file, old, matched: 0, fd: null };
    if (!old) this.current.fd = this.create(file);
  }

  private piece(bytes: Uint8Array): void {
    const current = this.opened();
    if (current.old) {
      if (current.matched + bytes.length <= current.old.size && sameAsOld(current.old.fd, current.matched, bytes)) {
        current.matched += bytes.length;
        return;
      }
      this.switchToWriting(current);
    }
    writeAll(current.fd!, bytes);
  }

  private end(): void {
    const current = this.opened();
    if (current.old && current.matched === current.old.size) {
      closeSync(current.old.fd);
      this.current = null;
      this.noteUnchanged(current.file);
      return;
    }
    if (current.old) this.switchToWriting(current);
    this.current = null;
    closeSync(current.fd!);
  }

  private copy(file: string, source: string, compare: boolean): void {
    const old = resolveInside(this.outDir, file);
    if (compare && sameFile(old, source)) {
      this.noteUnchanged(file);
      return;
    }
    const target = this.target(file);
    copyFileSync(source, target);
  }

  private opened(): Current {
    if (!this.current) throw new Error('A piece of a file arrived before the file began.');
    return this.current;
  }

  /** The old copy differs: the new file is made, starting with the bytes found equal so far. */
  private switchToWriting(current: Current): void {
    const old = current.old!;
    current.old = null;
    try {
      current.fd = this.create(current.file);
      const block = Buffer.allocUnsafe(Math.min(COPY_BLOCK, Math.max(current.matched, 1)));
      for (let at = 0; at < current.matched; ) {
        const got = readSync(old.fd, block, 0, Math.min(block.length, current.matched - at), at);
        if (got === 0) throw new Error(`${current.file} in the output folder was cut short while the build read it.`);
        writeAll(current.fd, block.subarray(0, got));
        at += got;
      }
    } finally {
      closeSync(old.fd);
    }
  }

  private noteUnchanged(file: string): void {
    this.state.unchanged++;
    if (this.state.staged) this.linkIn(file);
    else this.pending.push(file);
  }

  /** Opens a new file in the staging folder (making the folder first when this is the first file that differs). */
  private create(file: string): number {
    return openSync(this.target(file), 'w');
  }

  /** Where `file` goes in the staging folder, its folder made. */
  private target(file: string): string {
    this.startStaging();
    const target = resolveInside(this.staging, file);
    const dir = path.dirname(target);
    if (!this.folders.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.folders.add(dir);
    }
    return target;
  }

  /** Makes the staging folder, with a link to every unchanged file noted so far. */
  private startStaging(): void {
    if (this.state.staged) return;
    this.state.staged = true;
    mkdirSync(this.staging, { recursive: true });
    for (const file of this.pending.splice(0)) this.linkIn(file);
  }

  /** Links the previous site's copy of an unchanged file into the staging folder. */
  private linkIn(file: string): void {
    const target = this.target(file);
    try {
      linkSync(resolveInside(this.outDir, file), target);
    } catch {
      copyFileSync(resolveInside(this.outDir, file), target); // the file system cannot link: a copy of the same bytes
    }
  }
}

/** The previous site's copy, open for comparing, or null when it cannot be read (it is then written anew). */
function openOld(file: string): { fd: number; size: number } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) return { fd, size: stats.size };
  } catch {
    // Not readable after all: written anew.
  }
  closeSync(fd);
  return null;
}

/** True when the old copy holds `bytes` at `position`. */
function sameAsOld(fd: number, position: number, bytes: Uint8Array): boolean {
  const old = Buffer.allocUnsafe(bytes.length);
  let got = 0;
  while (got < bytes.length) {
    const read = readSync(fd, old, got, bytes.length - got, position + got);
    if (read === 0) return false;
    got += read;
  }
  return old.equals(bytes);
}

/** True when the file at `existing` holds exactly the bytes of `source`; false when either cannot be read. */
function sameFile(existing: string, source: string): boolean {
  try {
    return statSync(existing).size === statSync(source).size && readFileSync(existing).equals(readFileSync(source));
  } catch {
    return false;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed, or the process is ending.
  }
}
