// Every <str-care-pathway> story (issue 23), at 1280 and 320 px (story-cases.ts).
import meta, * as stories from '../../stories/care-pathway.stories.js';
import { storyCases } from './story-cases.js';

const SAYS: Record<string, string> = {
  Default: 'Confirm Lee Testvolunteer', Worker: 'Suggest a contact', Viewer: 'Jo Testsister', PersonsCopy: 'Who is helping me, and how to reach them',
  AddingContact: 'Who are they?', ContactErrors: 'There is a problem', AddingReferral: 'Reason for the referral', Controlled: 'Waiting 46 days so far',
  NothingYet: 'No referrals are recorded yet', ChangingContact: 'Change the details of', RecordingProgress: 'How it ended', Loading: 'Loading the care pathway', Failed: 'The care pathway could not be loaded',
};

storyCases('care pathway stories', meta, stories, 'str-care-pathway', SAYS);
