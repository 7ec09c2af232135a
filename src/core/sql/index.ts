// The customer-summary SQL: a spec from a sample of the order log and the settings (spec.ts),
// printed in a dialect (generate.ts, dialects.ts), its own column names (columns.ts).
export { META, RECORD_COLUMN, summaryColumns } from './columns';
export { type Dialect, dialect, type DialectName, DIALECTS, isDialect } from './dialects';
export { summarySql } from './generate';
export {
  categoryCandidates,
  type DateForm,
  dateForms,
  GENERATOR,
  ORDER_ROLES,
  parseSpec,
  type Sample,
  SpecError,
  specFromSample,
  type SpecOptions,
  type SummarySpec,
} from './spec';
