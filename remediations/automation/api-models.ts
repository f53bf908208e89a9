/**
 * The AWS API models, as the aws-sdk v2 package ships them (node_modules/aws-sdk/apis/*.min.json):
 * used offline to check that an SSM Automation step calls an API that exists, with inputs it accepts.
 *
 * SSM Automation names services by their boto3 client name (Service: "logs", "elbv2", "emr"); the
 * aws-sdk v2 metadata maps its own ids to model file prefixes, which are the botocore names in most
 * cases. `modelPrefix` resolves one to the other. Test-time only: aws-sdk is a dev dependency.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A node of a model shape tree: an inline shape or a reference to a named one. */
export interface ShapeNode {
  readonly shape?: string;
  readonly type?: string;
  readonly members?: Record<string, ShapeNode>;
  readonly required?: readonly string[];
  readonly member?: ShapeNode;
  readonly key?: ShapeNode;
  readonly value?: ShapeNode;
  readonly enum?: readonly string[];
}

interface ApiModel {
  readonly operations: Record<string, { input?: ShapeNode; output?: ShapeNode }>;
  readonly shapes: Record<string, ShapeNode>;
}

let apisDir: string | undefined;
function apis(): string {
  apisDir ??= join(dirname(require.resolve('aws-sdk/apis/metadata.json')));
  return apisDir;
}

const models = new Map<string, ApiModel | undefined>();

/** The model file prefix of a boto3 service name, or undefined when no model has it. */
export function modelPrefix(service: string): string | undefined {
  const metadata: Record<string, { prefix?: string }> = require(join(apis(), 'metadata.json'));
  const prefixes = Object.entries(metadata).map(([id, m]) => ({ id, prefix: m.prefix ?? id }));
  // botocore names are the model prefixes (logs, config, elasticloadbalancingv2 is "elbv2" in boto3: see aliases).
  const aliases: Record<string, string> = { elbv2: 'elasticloadbalancingv2', elb: 'elasticloadbalancing', emr: 'elasticmapreduce' };
  const wanted = aliases[service] ?? service;
  return prefixes.find((p) => p.prefix === wanted)?.prefix ?? prefixes.find((p) => p.id === service)?.prefix;
}

/** The newest API model of a boto3 service name, or undefined. */
export function apiModel(service: string): ApiModel | undefined {
  if (models.has(service)) return models.get(service);
  const prefix = modelPrefix(service);
  let model: ApiModel | undefined;
  if (prefix) {
    const files = readdirSync(apis())
      .filter((f) => f.endsWith('.min.json') && f.startsWith(`${prefix}-`) && /^\d{4}-\d\d-\d\d\.min\.json$/.test(f.slice(prefix.length + 1)))
      .sort();
    if (files.length > 0) model = require(join(apis(), files[files.length - 1]));
  }
  models.set(service, model);
  return model;
}

/** Follows a shape reference. */
export function resolveShape(model: ApiModel, node: ShapeNode | undefined): ShapeNode | undefined {
  if (!node) return undefined;
  return node.shape ? resolveShape(model, model.shapes[node.shape]) : node;
}

/** The type of a shape node: structure, list, map, or a scalar type (string when the model leaves it out). */
export function shapeType(node: ShapeNode): string {
  if (node.type) return node.type;
  if (node.members) return 'structure';
  return 'string';
}

/** The input and output shapes of an operation, or undefined when the service or operation does not exist. */
export function operation(service: string, api: string): { input?: ShapeNode; output?: ShapeNode; model: ApiModel } | undefined {
  const model = apiModel(service);
  const op = model?.operations[api];
  if (!model || !op) return undefined;
  return { input: resolveShape(model, op.input), output: resolveShape(model, op.output), model };
}
