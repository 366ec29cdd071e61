// Every <str-team> story (issue 22), at 1280 and 320 px; a story's play (opening a form) runs first (story-cases.ts).
import meta, * as stories from '../../stories/team.stories.js';
import { storyCases } from './story-cases.js';

const SAYS: Record<string, string> = {
  Default: 'Wren Worker', Coordinator: 'Wren Worker', NotForWorkers: 'Only team leads and care co-ordinators', Controlled: 'overdue by 23 days',
  NoWorkers: 'No STR or peer support workers are listed yet', Loading: 'Loading the team', Failed: 'The team could not be loaded',
  RecordingSupervision: 'Action 1: what was agreed', SupervisionErrors: 'There is a problem', RecordingTraining: 'Record training for Sky Peer',
  Reallocating: 'Reallocate one of Wren Worker’s people',
};

storyCases('team stories', meta, stories, 'str-team', SAYS);
