/**
 * Offline validation of a rendered SSM Automation document against the AWS API models:
 * every API step names a service and an operation that exist, passes only inputs the
 * operation's input shape has (recursively, for literal structures), passes every required
 * input, selects outputs and properties that exist in the output shape; every {{ reference }}
 * resolves to a parameter, an Automation global variable or an output of an earlier step;
 * every step a branch or onFailure names exists; an aws:executeAutomation step runs a researched
 * AWS-owned runbook with only its parameters, every required one and AutomationAssumeRole.
 */
import { operation, resolveShape, shapeType, type ShapeNode } from './api-models';
import { AWS_RUNBOOK_FACTS } from './aws-runbooks.generated';
import type { RenderedDocument } from './render';

/** One problem found in a document. */
export interface DocumentProblem {
  readonly document: string;
  readonly step?: string;
  readonly message: string;
}

/** Automation's system and global variables. */
const GLOBALS = new Set(['global:ACCOUNT_ID', 'global:REGION', 'global:AWS_PARTITION', 'global:DATE', 'global:DATE_TIME', 'automation:EXECUTION_ID']);
const CONTROL = new Set(['Service', 'Api', 'PropertySelector', 'DesiredValues']);
/** Inputs of aws:executeAutomation this library uses (the child runs in this account and region, no targets). */
const EXECUTE_AUTOMATION_INPUTS = new Set(['DocumentName', 'RuntimeParameters']);
/** Outputs every aws:executeAutomation step has. */
const EXECUTE_AUTOMATION_OUTPUTS = ['ExecutionId', 'Status', 'Output'];
const REF = /\{\{\s*([^}\s]+)\s*\}\}/g;

/** Every {{ reference }} in a value. */
export function referencesIn(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(REF)].map((m) => m[1]);
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(referencesIn);
  return [];
}

type Model = NonNullable<ReturnType<typeof operation>>['model'];

/** Checks a literal input value against its shape; `{{ }}` strings stand for any value. */
function checkValue(model: Model, node: ShapeNode | undefined, value: unknown, path: string, problems: string[]): void {
  const shape = resolveShape(model, node);
  if (!shape) return;
  if (typeof value === 'string' && REF.test(value)) {
    REF.lastIndex = 0;
    return;
  }
  REF.lastIndex = 0;
  const type = shapeType(shape);
  if (type === 'structure') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${path}: expected a structure, received ${JSON.stringify(value)}`);
      return;
    }
    const members = shape.members ?? {};
    for (const [key, v] of Object.entries(value)) {
      if (!(key in members)) problems.push(`${path}.${key}: unknown input (known: ${Object.keys(members).join(', ')})`);
      else checkValue(model, members[key], v, `${path}.${key}`, problems);
    }
    for (const required of shape.required ?? []) {
      if (!(required in (value as object))) problems.push(`${path}: required input ${required} missing`);
    }
  } else if (type === 'list') {
    if (!Array.isArray(value)) problems.push(`${path}: expected a list, received ${JSON.stringify(value)}`);
    else value.forEach((v, i) => checkValue(model, shape.member, v, `${path}[${i}]`, problems));
  } else if (type === 'map') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) problems.push(`${path}: expected a map`);
    else
      for (const [key, v] of Object.entries(value)) {
        checkValue(model, shape.key, key, `${path} key`, problems);
        checkValue(model, shape.value, v, `${path}.${key}`, problems);
      }
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') problems.push(`${path}: expected a boolean, received ${JSON.stringify(value)}`);
  } else if (type === 'integer' || type === 'long' || type === 'double' || type === 'float') {
    if (typeof value !== 'number') problems.push(`${path}: expected a number, received ${JSON.stringify(value)}`);
  } else if (type === 'string' && shape.enum && typeof value === 'string' && !shape.enum.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}`);
  }
}

/**
 * Checks a JSONPath selector ($.A.B[0].C, $.A..C) against an output shape; returns a problem or undefined.
 * `..X` means X somewhere below.
 */
export function checkSelector(model: Model, output: ShapeNode | undefined, selector: string): string | undefined {
  if (!selector.startsWith('$.')) return `selector ${selector} must start with "$."`;
  const tokens = selector
    .slice(1)
    .replace(/\[\d+\]/g, '[]')
    .split(/(\.\.|\.|\[\])/)
    .filter((t) => t !== '' && t !== '.');
  let current: ShapeNode[] = output ? [output] : [];
  let deep = false;
  for (const token of tokens) {
    if (token === '..') {
      deep = true;
      continue;
    }
    if (token === '[]') {
      current = current.map((n) => resolveShape(model, n)).flatMap((n) => (n && shapeType(n) === 'list' && n.member ? [n.member] : []));
      if (current.length === 0) return `selector ${selector}: [n] on something that is not a list`;
      continue;
    }
    const next: ShapeNode[] = [];
    const seen = new Set<ShapeNode>();
    const visit = (node: ShapeNode | undefined, depth: number) => {
      const s = resolveShape(model, node);
      if (!s || seen.has(s) || depth > 12) return;
      seen.add(s);
      const type = shapeType(s);
      if (type === 'structure' && s.members?.[token]) next.push(s.members[token]);
      if (type === 'map' && s.value) {
        const key = resolveShape(model, s.key);
        if (!key?.enum || key.enum.includes(token)) next.push(s.value);
      }
      if (deep) {
        if (type === 'structure') for (const m of Object.values(s.members ?? {})) visit(m, depth + 1);
        if (type === 'list') visit(s.member, depth + 1);
      } else if (type === 'list') {
        // JSONPath on a list without an index: SSM returns the member's field for each element.
        visit(s.member, depth + 1);
      }
    };
    for (const n of current) visit(n, 0);
    if (next.length === 0) return `selector ${selector}: no field ${token} in the API output`;
    current = next;
    deep = false;
  }
  return undefined;
}

/**
 * Inputs an API rejects together, which its model cannot express (the rule is in the
 * member's documentation only). GetResources: "You can't specify both this parameter
 * [ResourceARNList] and the TagFilters parameter in the same request."
 */
export const EXCLUSIVE_INPUTS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'resourcegroupstaggingapi:GetResources': [['ResourceARNList', 'TagFilters']],
};

/** Validates a rendered document; returns every problem (empty when valid). */
export function validateDocument(name: string, doc: RenderedDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const add = (message: string, step?: string) => problems.push({ document: name, ...(step ? { step } : {}), message });
  if (doc.schemaVersion !== '0.3') add(`schemaVersion must be 0.3, received ${doc.schemaVersion}`);
  if (doc.assumeRole !== '{{ AutomationAssumeRole }}') add('assumeRole must be {{ AutomationAssumeRole }}');
  if (doc.parameters.AutomationAssumeRole?.type !== 'String') add('parameter AutomationAssumeRole (String) missing');
  const stepNames = doc.mainSteps.map((s) => s.name as string);
  const duplicate = stepNames.find((n, i) => stepNames.indexOf(n) !== i);
  if (duplicate) add(`step name ${duplicate} used twice`);
  const known = new Set<string>([...Object.keys(doc.parameters), ...GLOBALS]);
  const stepRef = (target: string, step: string, what: string) => {
    if (!stepNames.includes(target)) add(`${what} names step ${target}, which does not exist`, step);
  };
  for (const step of doc.mainSteps) {
    const name = step.name as string;
    const action = step.action as string;
    const inputs = (step.inputs ?? {}) as Record<string, unknown>;
    for (const ref of referencesIn(inputs)) {
      if (!known.has(ref)) add(`reference {{ ${ref} }} resolves to no parameter, global variable or earlier step output`, name);
    }
    if (step.nextStep) stepRef(step.nextStep as string, name, 'nextStep');
    const onFailure = step.onFailure as string | undefined;
    if (onFailure?.startsWith('step:')) stepRef(onFailure.slice(5), name, 'onFailure');
    if (action === 'aws:executeAwsApi' || action === 'aws:waitForAwsResourceProperty' || action === 'aws:assertAwsResourceProperty') {
      const service = inputs.Service as string;
      const api = inputs.Api as string;
      const op = operation(service, api);
      if (!op) {
        add(`unknown API ${service}:${api} (not in the AWS API models)`, name);
      } else {
        const given = Object.fromEntries(Object.entries(inputs).filter(([k]) => !CONTROL.has(k)));
        const messages: string[] = [];
        checkValue(op.model, op.input ?? { type: 'structure', members: {} }, given, `${service}:${api}`, messages);
        for (const m of messages) add(m, name);
        for (const [a, b] of EXCLUSIVE_INPUTS[`${service}:${api}`] ?? [])
          if (a in given && b in given) add(`${service}:${api}: ${a} and ${b} cannot be used together (the API rejects the request)`, name);
        if (action !== 'aws:executeAwsApi') {
          const selector = inputs.PropertySelector as string;
          const problem = checkSelector(op.model, op.output, selector);
          if (problem) add(problem, name);
          if (!Array.isArray(inputs.DesiredValues) || inputs.DesiredValues.length === 0) add('DesiredValues must list at least one value', name);
        }
        for (const out of (step.outputs ?? []) as { Name: string; Selector: string }[]) {
          const problem = checkSelector(op.model, op.output, out.Selector);
          if (problem) add(problem, name);
        }
      }
    } else if (action === 'aws:branch') {
      const choices = (inputs.Choices ?? []) as { NextStep: string }[];
      if (choices.length === 0) add('aws:branch needs at least one choice', name);
      for (const c of choices) stepRef(c.NextStep, name, 'branch choice');
      if (inputs.Default) stepRef(inputs.Default as string, name, 'branch default');
    } else if (action === 'aws:executeScript') {
      if (inputs.Runtime !== 'python3.11') add(`script runtime must be python3.11, received ${inputs.Runtime}`, name);
    } else if (action === 'aws:executeAutomation') {
      for (const key of Object.keys(inputs)) if (!EXECUTE_AUTOMATION_INPUTS.has(key)) add(`aws:executeAutomation input ${key} is not one this library uses (DocumentName, RuntimeParameters)`, name);
      const runbook = inputs.DocumentName;
      const facts = typeof runbook === 'string' ? AWS_RUNBOOK_FACTS[runbook] : undefined;
      if (!facts) add(`aws:executeAutomation DocumentName ${JSON.stringify(runbook)} is no researched AWS-owned runbook`, name);
      const runtime = inputs.RuntimeParameters;
      if (!runtime || typeof runtime !== 'object' || Array.isArray(runtime)) add('aws:executeAutomation needs RuntimeParameters (a map of parameter name to a list of values)', name);
      else if (facts) {
        const declared = facts.parameters.map((p) => p.name);
        for (const [key, value] of Object.entries(runtime)) {
          if (!declared.includes(key)) add(`RuntimeParameters.${key}: ${runbook} has no such parameter (known: ${declared.join(', ')})`, name);
          if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) add(`RuntimeParameters.${key}: expected a list of strings, received ${JSON.stringify(value)}`, name);
        }
        for (const p of facts.parameters) if (p.required && !(p.name in runtime)) add(`RuntimeParameters: required parameter ${p.name} of ${runbook} missing`, name);
        if (!('AutomationAssumeRole' in runtime)) add('RuntimeParameters: AutomationAssumeRole missing (the runbook would run as the caller, not the remediation role)', name);
      }
      for (const out of EXECUTE_AUTOMATION_OUTPUTS) known.add(`${name}.${out}`);
    } else if (action !== 'aws:sleep') {
      add(`action ${action} is not one this library allows`, name);
    }
    for (const out of (step.outputs ?? []) as { Name: string }[]) known.add(`${name}.${out.Name}`);
  }
  for (const out of doc.outputs ?? []) if (!known.has(out)) add(`document output ${out} is no step output`);
  return problems;
}
