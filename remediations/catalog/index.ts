/**
 * The compliance catalog: every AWS Config managed rule of the AWS PCI DSS v4.0
 * (including global resource types) and 3.2.1 sample packs, with the parameters
 * we deploy, the PCI DSS v4.0.1 requirements it supports and its remediation.
 *
 * Conformance packs (rules and their remediation configurations), the coverage
 * report and the automation role are generated from this one list.
 */
import type { CatalogRule, ManagedRuleFacts, RemediationBinding } from '../types';
import { REMEDIATION_BINDINGS } from '../bindings';
import { MANAGED_RULE_FACTS } from './managed-rules.generated';
import { PARAMETER_OVERRIDES, REQUIREMENT_ADDITIONS } from './parameters';

/**
 * Resource types AWS Config records only in the region where global resources are
 * recorded (IAM), or that are global services (CloudFront, WAF Classic global, Shield).
 * A rule that evaluates only these runs in the home region alone: elsewhere it would
 * evaluate nothing, or the same resources again.
 */
export const GLOBAL_RESOURCE_TYPE_PREFIXES = ['AWS::IAM::', 'AWS::CloudFront::', 'AWS::WAF::', 'AWS::Shield::'] as const;

/** Account-level rules that check IAM (a global service): one evaluation per account is enough. */
export const GLOBAL_ACCOUNT_RULES: readonly string[] = [
  'iam-password-policy',
  'iam-root-access-key-check',
  'root-account-hardware-mfa-enabled',
  'root-account-mfa-enabled',
  'shield-drt-access',
];

function isGlobal(facts: ManagedRuleFacts): boolean {
  if (GLOBAL_ACCOUNT_RULES.includes(facts.name)) return true;
  return facts.resourceTypes.length > 0 && facts.resourceTypes.every((t) => GLOBAL_RESOURCE_TYPE_PREFIXES.some((p) => t.startsWith(p)));
}

function sortIds(ids: Iterable<string>): string[] {
  const key = (id: string) => id.split('.').map((part) => part.padStart(4, '0')).join('.');
  return [...new Set(ids)].sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * Builds catalog entries from facts, our parameter overrides and the remediation bindings
 * (remediations/bindings is the one place decisions are written; the catalog only points at them).
 */
export function buildCatalog(
  facts: readonly ManagedRuleFacts[] = MANAGED_RULE_FACTS,
  bindings: Readonly<Record<string, RemediationBinding>> = REMEDIATION_BINDINGS,
): CatalogRule[] {
  return facts.map((f) => {
    const override = PARAMETER_OVERRIDES[f.name];
    const remediation = bindings[f.name];
    return {
      ...f,
      pci40: sortIds([...f.pci40, ...(REQUIREMENT_ADDITIONS[f.name] ?? [])]),
      inputParameters: { ...f.awsInputParameters, ...override?.parameters },
      global: isGlobal(f),
      ...(remediation ? { remediation } : {}),
    };
  });
}

/** The catalog, sorted by rule name. */
export const CATALOG: readonly CatalogRule[] = buildCatalog();

/** A catalog rule by name (throws on an unknown name, so a typo fails loudly). */
export function catalogRule(name: string): CatalogRule {
  const rule = CATALOG.find((r) => r.name === name);
  if (!rule) throw new Error(`no rule "${name}" in the catalog`);
  return rule;
}
