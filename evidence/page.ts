import type { Naming, Organization } from '../accounts';
import type { LandingZone } from '../stacks/app';

/** What every page generator reads: the resolved config, its names, and the stacks built from it. */
export interface EvidenceContext {
  readonly org: Organization;
  readonly names: Naming;
  readonly zone: LandingZone;
}

/** One page of the evidence pack. */
export interface EvidencePage {
  /** Path under docs/, e.g. "organization.md". */
  readonly path: string;
  readonly title: string;
  /** The question an assessor asks that this page answers. */
  readonly answers: string;
  /** Markdown body, without the title and provenance header. */
  readonly body: string;
}

export type PageGenerator = (ctx: EvidenceContext) => EvidencePage;
