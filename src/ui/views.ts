import type { View } from './appContext';
import { knowledgeView } from './knowledgeView';
import { worldView } from './world/worldView';
import { learningView } from './dashboard';
import { MODE_VIEWS } from './modes';
import { llmSettingsView } from './llmSettings';

/**
 * The page's views, in the order of the view switcher; the first is the default. Adding a
 * view is one line here: it exports a `View` (src/ui/appContext.ts) and the shell does the rest.
 */
export const VIEWS: readonly View[] = [worldView, learningView, knowledgeView, ...MODE_VIEWS, llmSettingsView];
