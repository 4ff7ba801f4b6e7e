// The fixed vocabularies of the contract (docs/interface.md), free of zod so that the engine and
// the commands that only advise do not load the schema library at start-up.

export const FAMILIES = ['zvw', 'wlz', 'wmo', 'werk-en-inkomen', 'consumer'] as const;
/** The family trees, then two cross-cutting trees that award no routes: `preconditions` (product,
 *  data and entry rules that hold whoever pays) and `cost-benefit`. */
export const TREE_FAMILIES = [...FAMILIES, 'preconditions', 'cost-benefit'] as const;
export const PHASES = ['explore', 'develop', 'demonstrate', 'implement', 'scale'] as const;
export const FITS = ['strong', 'possible', 'unlikely'] as const;
export const QUESTION_KINDS = ['text', 'one', 'many', 'boolean', 'number'] as const;
export const PARTIES = [
  'health_insurer',
  'zorgkantoor',
  'municipality',
  'hospital',
  'gp',
  'care_provider',
  'employer',
  'uwv',
  'disability_insurer',
  'patient',
  'informal_carer',
  'innovator',
  'society',
] as const;
export const CONTRACT_STAKEHOLDERS = [
  'zorg-voor-innoveren',
  'hi-nl',
  'nza',
  'zorginstituut',
  'zorgverzekeraar',
  'zorgkantoor',
  'gemeente',
  'uwv',
  'werkgever',
  'bedrijfsarts',
  'arbeidsongeschiktheidsverzekeraar',
  'zorgaanbieder',
  'huisarts',
  'medisch-specialist',
  'beroepsvereniging',
  'patientenorganisatie',
  'gezondheidsfonds',
  'igj',
  'notified-body',
  'rom',
  'rvo',
  'zonmw',
  'health-holland',
  'pharos',
  'clientenraad',
  'ondernemingsraad',
  'mantelzorger',
  'woningcorporatie',
] as const;
export const ARRANGEMENTS = [
  'shared-savings',
  'bundled-payment',
  'population-payment',
  'joint-plan-gemeente-insurer',
  'insurance-group-multi-line',
  'charge-employer',
  'multi-year-contract',
  'bridge-investor',
  'sroi-first',
  'transition-fund',
] as const;

export type Family = (typeof FAMILIES)[number];
export type TreeFamily = (typeof TREE_FAMILIES)[number];
export type Phase = (typeof PHASES)[number];
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const PHASE_INDEX = new Map<string, number>(PHASES.map((p, i) => [p, i]));

/** A phase's position in PHASES, or undefined for a text that is not a phase. */
export function phaseIndex(phase: string): number | undefined {
  return PHASE_INDEX.get(phase);
}
export type Fit = (typeof FITS)[number];
export type Party = (typeof PARTIES)[number];
