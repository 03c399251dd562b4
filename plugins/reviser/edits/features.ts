import { notBuiltSentence } from '../../parser/behaviours/schema.ts';
import { UNSUPPORTED_FEATURES } from '../../parser/lexicon.ts';
import { knowledge } from '../../parser/registry.ts';
import { RevisionError } from '../errors.ts';
import { splitList, stripArticles } from '../resolve.ts';
import { FEATURE_LIMITS, FEATURE_NAMES, FIELD_NAME_HINTS } from '../vocabulary.ts';
import type { Revision } from './revision.ts';

type FeatureName = keyof typeof FEATURE_NAMES;

/** The features a list of words names, or undefined when any word is not a feature. */
export function featuresIn(text: string): { features: FeatureName[]; unsupported: string[] } | undefined {
  const features: FeatureName[] = [];
  const unsupported: string[] = [];
  for (const item of splitList(text)) {
    const words = stripArticles(item).replace(/\s+(?:feature|support|function|functionality)$/, '');
    const feature = (Object.keys(FEATURE_NAMES) as FeatureName[]).find((name) => FEATURE_NAMES[name].includes(words));
    // Behaviours the parser knows (charts, voting, CSV…) have no offline template yet: say which.
    const behaviour = feature === undefined ? knowledge.behaviours.find((candidate) => names(candidate.triggers, words)) : undefined;
    const other = behaviour === undefined ? UNSUPPORTED_FEATURES[words.replace(/\s+/g, '')] : notBuiltSentence(behaviour);
    if (feature !== undefined) features.push(feature);
    else if (other !== undefined) unsupported.push(other);
    else return undefined;
  }
  return { features, unsupported };
}

/**
 * The phrase is one of the triggers, or each of its words is ("csv export"); a phrase that reads
 * as a field ("a due date") is left to the field edits, which can build it.
 */
function names(triggers: readonly string[], phrase: string): boolean {
  if (FIELD_NAME_HINTS.some(([pattern]) => pattern.test(phrase))) return false;
  return triggers.includes(phrase) || phrase.split(/\s+/).every((word) => triggers.includes(word));
}

export function setFeatures(revision: Revision, text: string, on: boolean): boolean {
  const found = featuresIn(text);
  if (found === undefined) return false;
  const { spec, request } = revision;
  if (found.unsupported.length > 0) {
    throw new RevisionError('revision_impossible', `not generated offline, so nothing was changed. ${found.unsupported.join(' ')}`, { request });
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
