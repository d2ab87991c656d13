export { McpServerList } from './McpServerList.js';
export type { McpServerListProps } from './McpServerList.js';
export { McpServerEditor } from './McpServerEditor.js';
export type { McpServerEditorProps } from './McpServerEditor.js';
