// The public server API (README "Server API"): every export here becomes a top-level function
// of dist/Code.js, and nothing else does. Re-exports only.
export { onOpen, onInstall } from './triggers/menu';
export { showSidebar } from './sheets/sidebarPage';
export { runAudit, clearHighlights, selectRow } from './sheets/actions';
export { setupContractsSheet } from './sheets/setupSheet';
export { draftFollowUps, markFollowUpSent } from './sheets/followUps';
export { closeContract } from './sheets/closeContract';
export { getSettings, saveSettings } from './sheets/settingsStore';
export { getSchedule, enableSchedule, disableSchedule } from './triggers/schedule';
export { scheduledAudit } from './triggers/scheduledAudit';
export { getPermissions } from './sheets/permissions';
export { importUpworkReport } from './sheets/importReport';
