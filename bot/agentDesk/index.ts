export { AgentDirectory, type AgentCredential } from './agentDirectory.js';
export { AGENT_API, registerAgentApi } from './agentApi.js';
export { registerCaseEvents } from './caseEvents.js';
export { registerDeskRoutes } from './deskRoutes.js';
export { startHandoffTimers } from './handoffTimers.js';
