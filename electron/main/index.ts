import { startApp } from './app-lifecycle';

// Electron main entry (built to out/main/index.js). Everything lives in small
// modules next to this one; see app-lifecycle.ts for the order of events.
startApp();
