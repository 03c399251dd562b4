import { UNSUPPORTED_FEATURES } from '../../parser/lexicon.ts';
import { RevisionError } from '../errors.ts';
import { splitList, stripArticles } from '../resolve.ts';
import { FEATURE_LIMITS, FEATURE_NAMES } from '../vocabulary.ts';
import type { Revision } from './revision.ts';

type FeatureName = keyof typeof FEATURE_NAMES;

/** The features a list of words names, or undefined when any word is not a feature. */
export function featuresIn(text: string): { features: FeatureName[]; unsupported: string[] } | undefined {
  const features: FeatureName[] = [];
  const unsupported: string[] = [];
  for (const item of splitList(text)) {
    const words = stripArticles(item).replace(/\s+(?:feature|support|function|functionality)$/, '');
    const feature = (Object.keys(FEATURE_NAMES) as FeatureName[]).find((name) => FEATURE_NAMES[name].includes(words));
    const other = UNSUPPORTED_FEATURES[words.replace(/\s+/g, '')];
    if (feature !== undefined) features.push(feature);
    else if (other !== undefined) unsupported.push(other);
    else return undefined;
  }
  return { features, unsupported };
}

export function setFeatures(revision: Revision, text: string, on: boolean): boolean {
  const found = featuresIn(text);
  if (found === undefined) return false;
  const { spec, request } = revision;
  if (found.unsupported.length > 0) {
    throw new RevisionError('revision_impossible', `${found.unsupported.join(', ')} ${found.unsupported.length === 1 ? 'is' : 'are'} not generated offline; nothing was changed`, { request });
  }
  for (const feature of found.features) {
    const limit = FEATURE_LIMITS[spec.kind][feature];
    if (on && limit !== undefined) throw new RevisionError('revision_impossible', `${feature} cannot be added: ${limit}`, { request });
    if (spec.features[feature] === on) throw new RevisionError('revision_impossible', `the app ${on ? 'already has' : 'has no'} ${feature}`, { request });
    spec.features[feature] = on;
    revision.changes.push(`${on ? 'added' : 'removed'} ${feature}`);
  }
  return true;
}
