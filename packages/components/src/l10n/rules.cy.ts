// Welsh for rules.messages.ts. Awaiting review by a Welsh-speaking clinician (docs/i18n/glossary-cy.md): these are the
// reasons an alert gives the care co-ordinator, so their meaning matters most.
import type { Translation } from './catalogue.js';
import type { RuleMessages } from './rules.messages.js';

const notIn = 'ac yn cyfrif ar gyfer y rheolau arwydd hwyr ac ailadrodd yn unig';

const cy: Translation<RuleMessages> = {
  'rating.0': 'heb sylwi',
  'rating.1': 'ychydig',
  'rating.2': 'cryn dipyn',
  'rating.3': 'llawer',
  'rating.not-asked': 'heb ofyn',
  'late-sign': 'Arwydd cam hwyr “{sign}” wedi’i sgorio’n {label} ({rating} o {of})',
  'baseline.agreed': 'llinell sylfaen y cytunwyd arni',
  'baseline.first-checks': 'llinell sylfaen (canolrif y tri gwiriad cyntaf)',
  rise: 'Mae’r cyfanswm, {total}, {rise} pwynt ({percent}%) yn uwch na’r {what}, sef {baseline}',
  'rise-no-percent': 'Mae’r cyfanswm, {total}, {rise} pwynt yn uwch na’r {what}, sef {baseline}',
  'rise-covered': 'Mae’r cyfanswm, {total}, {rise} pwynt ({percent}%) yn uwch na’r {what}, sef {baseline}, ar y {covered} arwydd y mae’n eu cynnwys',
  'rise-covered-no-percent': 'Mae’r cyfanswm, {total}, {rise} pwynt yn uwch na’r {what}, sef {baseline}, ar y {covered} arwydd y mae’n eu cynnwys',
  'repeat-a-lot': '“{sign}” wedi’i sgorio’n llawer mewn {checks} gwiriad yn olynol',
  repeat: '“{sign}” wedi’i sgorio’n {rating} neu fwy mewn {checks} gwiriad yn olynol',
  'note.too-few': 'Dim llinell sylfaen eto: {checksSoFar} o {needed} gwiriad ers cytuno ar y cynllun, neu linell sylfaen y cytunwyd arni',
  'note.replaced-too-few':
    'Disodlodd y cynllun hwn un cynharach, felly mae’r rheol codiad yn aros am linell sylfaen newydd: {checksSoFar} o {needed} gwiriad ers cytuno ar y cynllun, neu linell sylfaen y cytunwyd arni',
  'note.agreed-signs-gone':
    'Gosodwyd y llinell sylfaen y cytunwyd arni ar arwyddion nad ydynt yn y cynllun mwyach, ac nid yw ei gwiriadau yma i’w chyfrifo eto: mae’r rheol codiad yn aros i’r cydlynydd gofal gytuno ar linell sylfaen newydd',
  'note.all-not-asked': 'Cafodd pob arwydd ei nodi’n “heb ofyn” yn y gwiriad hwn, felly does gan y rheol codiad ddim i’w gymharu',
  'note.sets-baseline': 'Mae’r gwiriad hwn yn un o’r tri a osododd y llinell sylfaen',
  'note.no-baseline-signs': 'Nid oedd yr un o arwyddion y cynllun yn y llinell sylfaen, felly mae’r rheol codiad yn aros am linell sylfaen newydd',
  'note.signs-not-in-baseline': {
    zero: `Mae’r rheol codiad yn cymharu’r {inBaseline} arwydd yn y llinell sylfaen; does dim arwydd y tu allan iddi ({signs})`,
    one: `Mae’r rheol codiad yn cymharu’r {inBaseline} arwydd yn y llinell sylfaen; mae un arwydd y tu allan iddi ({signs}) ${notIn}`,
    two: `Mae’r rheol codiad yn cymharu’r {inBaseline} arwydd yn y llinell sylfaen; mae {count} arwydd y tu allan iddi ({signs}) ${notIn}`,
    few: `Mae’r rheol codiad yn cymharu’r {inBaseline} arwydd yn y llinell sylfaen; mae {count} arwydd y tu allan iddi ({signs}) ${notIn}`,
    many: `Mae’r rheol codiad yn cymharu’r {inBaseline} arwydd yn y llinell sylfaen; mae {count} arwydd y tu allan iddi ({signs}) ${notIn}`,
    other: `Mae’r rheol codiad yn cymharu’r {inBaseline} arwydd yn y llinell sylfaen; mae {count} o arwyddion y tu allan iddi ({signs}) ${notIn}`,
  },
};

export default cy;
