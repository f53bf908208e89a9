/**
 * The AWS Organizations quotas on service control policies, as a check over a
 * generated set. Synth runs it (ServiceControlPolicies throws ScpLimitError) so a
 * policy that AWS would reject never reaches a plan; the tests run it too.
 *
 * Quotas (AWS Organizations user guide, "Quotas and service limits"):
 * - a policy document is at most 5,120 characters (Organizations stores it without
 *   the whitespace outside strings, so the minified JSON is what counts);
 * - at most 5 SCPs attached to one root, OU or account — FullAWSAccess, which stays
 *   attached everywhere (SCPs only filter, something must allow), counts as one.
 */

export const SCP_MAX_CHARACTERS = 5120;
export const SCP_MAX_PER_TARGET = 5;
/** The AWS managed SCP attached to every root, OU and account. */
export const FULL_AWS_ACCESS = 'FullAWSAccess';

/** A policy as AWS would receive it. */
export interface ScpDocument {
  readonly name: string;
  /** The policy JSON as sent to AWS. */
  readonly content: string;
}

/** Size of a policy as AWS counts it: the JSON without insignificant whitespace. */
export function scpCharacters(content: string): number {
  return JSON.stringify(JSON.parse(content)).length;
}

/**
 * Every quota a set of SCPs breaks, one message per problem (empty when all is well).
 * `attachments` maps a target label ("Root", "ou:Workloads", "account:dev") to the
 * names of our policies attached to it; FullAWSAccess is added to each.
 */
export function scpLimitViolations(policies: readonly ScpDocument[], attachments: ReadonlyMap<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const policy of policies) {
    const size = scpCharacters(policy.content);
    if (size > SCP_MAX_CHARACTERS)
      problems.push(
        `SCP "${policy.name}" is ${size} characters, over the ${SCP_MAX_CHARACTERS} AWS allows; fix: split it into two policies or shorten its action lists`,
      );
    const sids = JSON.parse(policy.content).Statement.map((s: { Sid?: string }) => s.Sid).filter(Boolean);
    const duplicate = sids.find((sid: string, i: number) => sids.indexOf(sid) !== i);
    if (duplicate) problems.push(`SCP "${policy.name}" has two statements with Sid "${duplicate}"; fix: give each statement its own Sid`);
  }
  for (const [target, names] of attachments) {
    const count = names.length + 1;
    if (count > SCP_MAX_PER_TARGET)
      problems.push(
        `${target} would have ${count} SCPs attached (${FULL_AWS_ACCESS}, ${names.join(', ')}), over the ${SCP_MAX_PER_TARGET} AWS allows; fix: merge policies or attach some lower in the OU tree`,
      );
  }
  return problems;
}

/** Thrown at synth when the generated SCPs break an AWS quota. */
export class ScpLimitError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The service control policies break AWS Organizations quotas:\n${problems.map((p, i) => `  ${i + 1}. ${p}`).join('\n')}`);
    this.name = 'ScpLimitError';
  }
}

/** Throws {@link ScpLimitError} listing every broken quota. */
export function assertScpLimits(policies: readonly ScpDocument[], attachments: ReadonlyMap<string, readonly string[]>): void {
  const problems = scpLimitViolations(policies, attachments);
  if (problems.length > 0) throw new ScpLimitError(problems);
}
