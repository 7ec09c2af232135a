// The customer-summary SQL: a spec from a sample of the order log and the settings (spec.ts),
// printed in a dialect (generate.ts, dialects.ts), its own column names (columns.ts).
export { DIALECTS, dialect, isDialect, type Dialect, type DialectName } from './dialects';
export {
  GENERATOR,
  ORDER_ROLES,
  SpecError,
  categoryCandidates,
  dateForms,
  parseSpec,
  specFromSample,
  type DateForm,
  type Sample,
  type SpecOptions,
  type SummarySpec,
} from './spec';
export { summarySql } from './generate';
export { META, RECORD_COLUMN, summaryColumns } from './columns';
