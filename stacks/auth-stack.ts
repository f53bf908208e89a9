import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { AccountStack } from './account-stack';

/** Identity account: access levels, MFA, break-glass. */
export class AuthStack extends AccountStack {
  constructor(scope: Construct, names: Naming) {
    super(scope, names, names.account('auth'));
  }
}
