/** Suggestions similar to one the caller may see, among those the caller may open (for joint filing). */
import { canSee } from '../directory/suggestionScope';
import { similarTo } from '../routing/findSimilar';
import { useCase } from '../useCase';
import { loadFacts } from './facts';

/** The most similar suggestions to suggestion `id`. */
export const similarSuggestions = useCase({
  name: 'suggestions.similar',
  readOnly: true,
  load: (id: number) => loadFacts(id),
  notFound: '没有找到这件建议',
  visible: canSee,
  apply: ({ actor, subject: { suggestion } }) => similarTo(actor, suggestion.title, suggestion.body, suggestion.id),
});
