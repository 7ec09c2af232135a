// The one list of the dashboard's charts, in the order they are drawn (within each section) and
// the report prints them. Adding a chart: write its module in defs/ and add it here; nothing
// else changes (tests/unit/charts-registry.test.ts checks both).
import type { ChartDef } from './chart';
import { causeByRegion } from './defs/causeByRegion';
import { causeByRep } from './defs/causeByRep';
import { causeBySegment } from './defs/causeBySegment';
import { causes } from './defs/causes';
import { causesRevenue } from './defs/causesRevenue';
import { churnByMonth } from './defs/churnByMonth';
import { cohortCurves } from './defs/cohortCurves';
import { cohortRevenue } from './defs/cohortRevenue';
import { cohorts } from './defs/cohorts';
import { controllable } from './defs/controllable';
import { lostByMonth } from './defs/lostByMonth';
import { survival } from './defs/survival';
import { tiers } from './defs/tiers';

const LIST = [
  causes,
  controllable,
  causesRevenue,
  causeBySegment,
  causeByRegion,
  causeByRep,
  churnByMonth,
  lostByMonth,
  cohorts,
  cohortRevenue,
  cohortCurves,
  survival,
  tiers,
] as const;

export type ChartId = (typeof LIST)[number]['id'];

export const CHARTS: readonly ChartDef<ChartId>[] = LIST;
