import type { AutomationDocument } from '../model';
import { arnHere } from './context';

/**
 * The one script of the library. A Lambda resource policy comes back from GetPolicy as a JSON
 * string, and which statements are public depends on their Principal and Condition: no
 * declarative step can parse it or loop over the statement ids RemovePermission needs.
 */
const SCRIPT = `import json
import boto3

SCOPING_KEYS = {"aws:sourceaccount", "aws:sourcearn", "aws:principalorgid", "aws:sourceowner"}


def public_statement_ids(client, name):
    try:
        policy = json.loads(client.get_policy(FunctionName=name)["Policy"])
    except client.exceptions.ResourceNotFoundException:
        return []
    ids = []
    for statement in policy.get("Statement", []):
        principal = statement.get("Principal")
        anyone = principal == "*" or (isinstance(principal, dict) and principal.get("AWS") == "*")
        keys = {key.lower() for block in statement.get("Condition", {}).values() for key in block}
        if statement.get("Effect") == "Allow" and anyone and not keys & SCOPING_KEYS:
            ids.append(statement["Sid"])
    return ids


def handler(event, context):
    client = boto3.client("lambda")
    name = event["FunctionName"]
    removed = public_statement_ids(client, name)
    for sid in removed:
        client.remove_permission(FunctionName=name, StatementId=sid)
    return {"Removed": removed, "Remaining": len(public_statement_ids(client, name))}
`;

/**
 * lambda-function-public-access-prohibited (manual): removes resource-policy statements that let
 * anyone invoke the function without a source account, source ARN or organization condition.
 * Statements scoped to a source (S3, SNS, API Gateway with SourceArn) stay. The public sample's
 * document re-added statements without their conditions; this one only removes. Manual: a public
 * function URL or an unscoped service invoker stops working.
 */
export const removeLambdaPublicAccess = (): AutomationDocument => ({
  id: 'RemoveLambdaPublicAccess',
  description: 'Removes unscoped public statements from a Lambda function resource policy (lambda-function-public-access-prohibited).',
  parameters: { FunctionName: { type: 'String', description: 'Function name (the Config resource id).' } },
  resourceArn: arnHere('lambda', 'function:{{ FunctionName }}'),
  steps: [
    {
      name: 'RemovePublicStatements',
      action: 'aws:executeScript',
      reason: 'GetPolicy returns the policy as a JSON string; finding public statements and looping over their ids needs code.',
      apiCalls: [
        { service: 'lambda', api: 'GetPolicy' },
        { service: 'lambda', api: 'RemovePermission' },
      ],
      inputs: { Runtime: 'python3.11', Handler: 'handler', Script: SCRIPT, InputPayload: { FunctionName: '{{ FunctionName }}' } },
      outputs: [
        { Name: 'Removed', Selector: '$.Payload.Removed', Type: 'StringList' },
        { Name: 'Remaining', Selector: '$.Payload.Remaining', Type: 'Integer' },
      ],
    },
    {
      name: 'ConfirmPrivate',
      action: 'aws:branch',
      inputs: { Choices: [{ NextStep: 'Private', Variable: '{{ RemovePublicStatements.Remaining }}', NumericEquals: 0 }], Default: 'FailStillPublic' },
    },
    {
      name: 'FailStillPublic',
      action: 'aws:assertAwsResourceProperty',
      description: 'Reached only when a public statement remains: fails the execution.',
      isEnd: true,
      inputs: { Service: 'lambda', Api: 'GetFunction', FunctionName: '{{ FunctionName }}', PropertySelector: '$.Configuration.FunctionName', DesiredValues: ['function-is-still-public'] },
    },
    { name: 'Private', action: 'aws:sleep', description: 'No public statement is left.', inputs: { Duration: 'PT1S' } },
  ],
});
