/**
 * The mock Refold: an in-memory Refold for tests, Storybook and demos. Browser-safe: the Node server lives
 * in `./node.js` and the MSW handlers in `./msw.js`.
 *
 * @module
 */
export { createMockRefold } from './server.js';
export {
  DEFAULT_MOCK_API_KEY,
  DEMO_LINKED_ACCOUNT_ID,
  MOCK_ORG_ID,
  defaultConfigTemplate,
  generateExecutions,
  mockApps,
  mockWorkflows,
} from './fixtures.js';
export { MOCK_EXECUTION_STATUSES, MOCK_QUEUED_STATUS } from './types.js';
export { mockHumanTask } from './resources/human-tasks.js';
export type { MockHumanTask, MockHumanTaskInput } from './resources/human-tasks.js';
export { mockVariableDefinitions } from './resources/variables.js';
export type { MockVariableDefinition } from './resources/variables.js';
export type {
  Fault,
  FaultMatch,
  MintTokenOptions,
  MockAccount,
  MockApp,
  MockAppBehaviour,
  MockAppKind,
  MockAuthField,
  MockAuthOption,
  MockAuthType,
  MockConfigField,
  MockConfigFieldType,
  MockConfigOption,
  MockConfigTemplate,
  MockConfigValues,
  MockConfigWrite,
  MockConnectOptions,
  MockConnection,
  MockConnectionStatus,
  MockCredentialRule,
  MockExecution,
  MockExecutionNode,
  MockExecutionSeedContext,
  MockExecutionStatus,
  MockGrantType,
  MockMappingSide,
  MockNodeStatus,
  MockOption,
  MockRateLimit,
  MockRefold,
  MockRefoldOptions,
  MockRuleColumn,
  MockTriggeredEvent,
  MockWorkflow,
  RecordedRequest,
} from './types.js';
