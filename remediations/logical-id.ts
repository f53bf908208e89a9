/** CloudFormation logical ids of the conformance pack templates (shared by rules and their remediations). */

/** CloudFormation logical id of a rule: its name in PascalCase. */
export function logicalId(ruleName: string): string {
  return ruleName
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
