/**
 * Which requests may reach the output folder at all. The static-file library resolves the file;
 * these checks come first so that nothing outside the output folder is ever served: no `..` (plain
 * or percent-encoded), no hidden files (the build manifest), and no symbolic link that leads out.
 */
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The decoded path of a request URL (`/articles/x/`), or null when it must not be served. */
export function safeRequestPath(url: string): string | null {
  const raw = url.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.startsWith('.'))) return null;
  return decoded;
}

/**
 * True when every file the request could resolve to (as is, with `.html`, or its `index.html`) that
 * exists lies inside `root` once links are followed.
 */
export function staysInside(root: string, requestPath: string): boolean {
  const realRoot = realpathSync(root);
  const base = path.join(root, ...requestPath.split('/').filter(Boolean));
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    try {
      lstatSync(candidate);
    } catch {
      continue; // not there, so nothing to serve from it
    }
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      return false; // a dangling link
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return false;
  }
  return true;
}
