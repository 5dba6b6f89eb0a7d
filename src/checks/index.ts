export { FAMILIES, FAMILY_ORDER, destructiveInProduction, planPartner } from './plan.ts';
export type { FamilyPlan, PartnerPlan, Selection } from './plan.ts';
export { CheckFailure, CheckSkipped } from './model.ts';
export type { Check, CheckContext, CheckFamily, FailureKind, ReportSink } from './model.ts';
export { ExchangeLedger } from './ledger.ts';
export { lintContract, CONTRACT_RULES } from './contract/lint-contract.ts';
export type { ContractFinding, ContractRule } from './contract/lint-contract.ts';
