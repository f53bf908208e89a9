/**
 * Validates CloudFormation templates offline against the CloudFormation resource
 * specification that @aws-cdk/aws-service-spec ships (the registry schemas, as the
 * CDK's L1 constructs use them): resource types exist, property names exist,
 * required properties are present, values have the specified shape, and DependsOn
 * names a resource of the template.
 *
 * Intrinsic functions: a string property may be {"Fn::Sub": "..."} whose ${...}
 * variables are pseudo parameters (conformance pack templates declare no parameters
 * or resources to reference), which CloudFormation resolves to a string in each
 * account. Any other intrinsic is reported, so a typo cannot pass as a value.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';

type SpecDb = ReturnType<typeof loadAwsServiceSpecSync>;
type Properties = Record<string, { required?: boolean; type: PropertyType }>;
type PropertyType =
  | { type: 'string' | 'number' | 'integer' | 'boolean' | 'json' | 'date-time' | 'null' | 'tag' }
  | { type: 'array' | 'map'; element: PropertyType }
  | { type: 'union'; types: PropertyType[] }
  | { type: 'ref'; reference: { $ref: string } };

let db: SpecDb | undefined;
function spec(): SpecDb {
  db ??= loadAwsServiceSpecSync();
  return db;
}

/** Properties of a resource type, or undefined when the specification has no such type. */
export function resourceProperties(cloudFormationType: string): Properties | undefined {
  const found = spec().lookup('resource', 'cloudFormationType', 'equals', cloudFormationType);
  return found.length === 1 ? (found[0].properties as Properties) : undefined;
}

/** Pseudo parameters CloudFormation resolves in every account (no template parameters exist). */
const PSEUDO_PARAMETERS = new Set(['AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::StackName', 'AWS::StackId']);

/** A string, or an Fn::Sub that resolves to one (its ${...} variables checked). */
function isStringValue(value: unknown, path: string, problems: string[]): boolean {
  if (typeof value === 'string') return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  if (entries.length !== 1 || entries[0][0] !== 'Fn::Sub' || typeof entries[0][1] !== 'string') return false;
  // ${!Literal} is an escaped literal; every other ${Name} must be a pseudo parameter.
  for (const [, name] of entries[0][1].matchAll(/\$\{([^}!][^}]*)\}/g))
    if (!PSEUDO_PARAMETERS.has(name)) problems.push(`${path}: Fn::Sub variable \${${name}} is no pseudo parameter (the template declares none of its own)`);
  return true;
}

function matches(value: unknown, type: PropertyType, path: string, problems: string[]): boolean {
  switch (type.type) {
    case 'string':
    case 'date-time':
      return isStringValue(value, path, problems);
    case 'number':
    case 'integer':
      return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'json':
      return typeof value === 'object' || typeof value === 'string';
    case 'array':
      return Array.isArray(value) && value.every((v, i) => matches(v, type.element, `${path}[${i}]`, problems));
    case 'map':
      return typeof value === 'object' && value !== null && Object.entries(value).every(([k, v]) => matches(v, type.element, `${path}.${k}`, problems));
    case 'union':
      return type.types.some((t) => matches(value, t, path, []));
    case 'ref': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const definition = spec().get('typeDefinition', type.reference.$ref);
      checkProperties(value as Record<string, unknown>, definition.properties as Properties, path, problems);
      return true;
    }
    default:
      return true;
  }
}

function checkProperties(values: Record<string, unknown>, properties: Properties, path: string, problems: string[]): void {
  for (const [name, property] of Object.entries(properties))
    if (property.required && values[name] === undefined) problems.push(`${path}: required property ${name} is missing`);
  for (const [name, value] of Object.entries(values)) {
    const property = properties[name];
    if (!property) problems.push(`${path}.${name}: no such property (known: ${Object.keys(properties).join(', ')})`);
    else if (!matches(value, property.type, `${path}.${name}`, problems)) problems.push(`${path}.${name}: ${JSON.stringify(value)} is not a ${property.type.type}`);
  }
}

/** Every problem of a template, as "Resources.X.Properties.Y: ..." lines (empty when valid). */
export function validateTemplate(template: { Resources: Record<string, { Type: string; DependsOn?: string | string[]; Properties?: Record<string, unknown> }> }): string[] {
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    for (const target of [resource.DependsOn ?? []].flat())
      if (!template.Resources[target] || target === id) problems.push(`Resources.${id}.DependsOn: ${target} is no other resource of the template`);
    const properties = resourceProperties(resource.Type);
    if (!properties) {
      problems.push(`Resources.${id}: unknown resource type ${resource.Type}`);
      continue;
    }
    checkProperties(resource.Properties ?? {}, properties, `Resources.${id}.Properties`, problems);
  }
  return problems;
}
