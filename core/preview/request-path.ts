import { ValidationError } from '../errors.ts';

/**
 * Turns the part of a request path after `/preview/<id>/` into checked, decoded segments.
 * Each segment is decoded on its own, so `%2e%2e` and `%2f` are judged as what they mean,
 * and anything that could name another directory is refused rather than normalized away.
 *
 * @throws ValidationError (400) for `.`/`..` segments, encoded slashes, backslashes or NUL.
 */
export function previewSegments(rest: string): string[] {
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new ValidationError('the preview path is not valid percent-encoding');
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) {
      throw new ValidationError('the preview path may not contain dot segments, slashes, backslashes or NUL');
    }
    segments.push(segment);
  }
  return segments;
}
