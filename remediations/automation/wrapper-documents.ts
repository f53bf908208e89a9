/**
 * The exemption wrappers of the AWS-owned runbooks that automatic bindings run, generated from
 * WRAPPED_RUNBOOKS (runbook-wrappers.ts) and the bindings: one document per runbook, with the
 * exemption prologue every document of ours has (render.ts, on `resourceArn`), then one
 * aws:executeAutomation step that runs the AWS runbook with the parameters the binding passes and
 * the remediation role (AutomationAssumeRole), whose status ends the wrapper: a failed child fails
 * the wrapper, and Config sees the failure. Outputs: the exemption answer and the child's execution id
 * and status (the child's own record in Systems Manager holds its steps).
 */
import { BOUND } from '../bindings';
import type { RemediationBinding } from '../types';
import type { AutomationDocument, Step } from './model';
import { WRAPPED_RUNBOOKS, wrappedRunbook, wrapperId, type WrappedRunbook } from './runbook-wrappers';

/** Name of the step that runs the AWS-owned runbook. */
export const RUN_RUNBOOK_STEP = 'RunRunbook';

function lookupSteps(target: WrappedRunbook): Step[] {
  const p = `{{ ${target.resourceParameter} }}`;
  switch (target.lookup) {
    case 'rds-instance':
      return [
        {
          name: 'FindResource',
          action: 'aws:executeAwsApi',
          inputs: { Service: 'rds', Api: 'DescribeDBInstances', Filters: [{ Name: 'dbi-resource-id', Values: [p] }] },
          outputs: [{ Name: 'Arn', Selector: '$.DBInstances[0].DBInstanceArn', Type: 'String' }],
        },
      ];
    case 'rds-cluster':
      return [
        {
          name: 'FindResource',
          action: 'aws:executeAwsApi',
          inputs: { Service: 'rds', Api: 'DescribeDBClusters', Filters: [{ Name: 'db-cluster-resource-id', Values: [p] }] },
          outputs: [{ Name: 'Arn', Selector: '$.DBClusters[0].DBClusterArn', Type: 'String' }],
        },
      ];
    case 'beanstalk-environment':
      return [
        {
          name: 'FindResource',
          action: 'aws:executeAwsApi',
          inputs: { Service: 'elasticbeanstalk', Api: 'DescribeEnvironments', EnvironmentIds: [p] },
          outputs: [{ Name: 'Arn', Selector: '$.Environments[0].EnvironmentArn', Type: 'String' }],
        },
      ];
    default:
      return [];
  }
}

/** The wrapper document of one runbook, for the parameters its automatic bindings pass. */
export function wrapperDocument(runbook: string, parameterNames: readonly string[]): AutomationDocument {
  const id = wrapperId(runbook);
  const target = WRAPPED_RUNBOOKS[runbook];
  const names = [...new Set([target.resourceParameter, ...parameterNames])].sort();
  const parameters = Object.fromEntries(
    names.map((name) => [
      name,
      { type: 'String' as const, description: name === target.resourceParameter ? `The Config resource id (${target.resourceType}), passed to ${runbook}.` : `Passed to ${runbook} unchanged.` },
    ]),
  );
  const runtime: Record<string, string[]> = { AutomationAssumeRole: ['{{ AutomationAssumeRole }}'] };
  for (const name of names) runtime[name] = [`{{ ${name} }}`];
  const lookup = lookupSteps(target);
  return {
    id,
    description: `Runs the AWS-owned runbook ${runbook} unless the resource carries the exemption tag (automatic remediation, PCI DSS 12.5.2 audited exceptions).`,
    parameters,
    ...(lookup.length > 0 ? { lookup } : {}),
    resourceArn: target.resourceArn,
    steps: [{ name: RUN_RUNBOOK_STEP, action: 'aws:executeAutomation', description: `Runs ${runbook} with the remediation role.`, inputs: { DocumentName: runbook, RuntimeParameters: runtime } }],
    outputs: [`${RUN_RUNBOOK_STEP}.ExecutionId`, `${RUN_RUNBOOK_STEP}.Status`],
  };
}

/** Parameter names the automatic bindings pass to each wrapped runbook. */
function wrappedParameters(bindings: Readonly<Record<string, RemediationBinding>>): Map<string, string[]> {
  const byRunbook = new Map<string, string[]>();
  for (const b of Object.values(bindings)) {
    const runbook = b.document ? wrappedRunbook(b.document) : undefined;
    if (!runbook) continue;
    byRunbook.set(runbook, [...new Set([...(byRunbook.get(runbook) ?? []), ...Object.keys(b.parameters ?? {})])]);
  }
  return byRunbook;
}

/** The wrappers the bindings name, sorted by id. */
export function wrapperDocuments(bindings: Readonly<Record<string, RemediationBinding>> = BOUND): AutomationDocument[] {
  return [...wrappedParameters(bindings).entries()].map(([runbook, parameters]) => wrapperDocument(runbook, parameters)).sort((a, b) => a.id.localeCompare(b.id));
}
