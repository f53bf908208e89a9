import { SecureKmsKey } from '../../../modules/security/kms-key';
import { onlyResource, parsePolicy, synthConstructs } from '../../helpers/synth';
import { simulate, unknownActions, actionsIn } from '../../helpers/iam';

describe('SecureKmsKey', () => {
  const stack = synthConstructs((scope) => new SecureKmsKey(scope, 'k', { alias: 'acme-test', description: 'test', accountId: '111111111111' }));
  const key = onlyResource(stack, 'aws_kms_key');
  const policy = parsePolicy(key.policy);

  test('defaults to rotation on, a 30-day deletion window and protection from destroy', () => {
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
  });

  test('adds the alias/ prefix when missing', () => {
    expect(onlyResource(stack, 'aws_kms_alias').name).toBe('alias/acme-test');
  });

  test('the owner account can use and administer the key but not schedule its deletion', async () => {
    const admin = {
      principal: 'arn:aws:iam::111111111111:role/admin',
      identityPolicies: [{ Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }],
      resource: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      resourceAccount: '111111111111',
      resourcePolicy: policy,
    };
    expect(await simulate({ ...admin, action: 'kms:Decrypt' })).toBe('Allowed');
    expect(await simulate({ ...admin, action: 'kms:PutKeyPolicy' })).toBe('Allowed');
    expect(await simulate({ ...admin, action: 'kms:ScheduleKeyDeletion' })).not.toBe('Allowed');
    expect(await simulate({ ...admin, action: 'kms:DisableKeyRotation' })).not.toBe('Allowed');
  });

  test('another account gets nothing unless a statement grants it', async () => {
    expect(
      await simulate({
        principal: 'arn:aws:iam::999999999999:role/admin',
        identityPolicies: [{ Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }],
        action: 'kms:Decrypt',
        resource: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        resourceAccount: '111111111111',
        resourcePolicy: policy,
      }),
    ).not.toBe('Allowed');
  });

  test('names only catalogued actions', async () => {
    expect(await unknownActions(actionsIn(policy))).toEqual([]);
  });

  test('unknownActions catches a misspelled action', async () => {
    expect(await unknownActions(['kms:Decrpyt', 'kms:Describe*', 'nosuchservice:Get'])).toEqual(['kms:Decrpyt', 'nosuchservice:Get']);
  });
});
