import type { View } from '../appContext';
import { ASSISTANT_VIEW } from './assistantView';
import { CONSULT_VIEW } from './consultView';
import { DRILL_VIEW } from './drillView';
import { TRAINING_VIEW, TRIAGE_TRAINING_VIEW } from './trainingView';

/** The teaching and consultation modes, in the order of the view switcher. */
export const MODE_VIEWS: readonly View[] = [TRAINING_VIEW, TRIAGE_TRAINING_VIEW, CONSULT_VIEW, ASSISTANT_VIEW, DRILL_VIEW];
