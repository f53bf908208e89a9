import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { AuthIdentity } from '../modules/identity/auth-identity';
import { AccountStack } from './account-stack';

/**
 * Identity account: the groups of the access levels, MFA enforcement, the IAM users
 * and the break-glass group. The roles they assume live in every account's baseline.
 */
export class AuthStack extends AccountStack {
  readonly identity: AuthIdentity;

  constructor(scope: Construct, names: Naming) {
    super(scope, names, names.account('auth'));
    this.identity = new AuthIdentity(this, 'identity', { names });
  }
}
