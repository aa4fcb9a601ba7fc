/**
 * A packaged Mingjing refuses to start with a debugger or remote-debugging switch:
 * a local user could otherwise attach to the unlocked renderer or main process.
 * The fuse for Node's --inspect is off in production packages anyway; Chromium's
 * --remote-debugging-* switches have no fuse, so main checks them. Only a test
 * package built with MINGJING_E2E_BUILD=1 (for Playwright's _electron) may use them.
 */
declare const __MINGJING_E2E_BUILD__: boolean | undefined;

const DEBUG_SWITCHES =
  /^--(inspect(-brk|-port|-publish-uid)?|remote-debugging-(port|pipe|address)|remote-allow-origins)(=|$)/;

export function isE2eBuild(): boolean {
  return typeof __MINGJING_E2E_BUILD__ !== 'undefined' && __MINGJING_E2E_BUILD__ === true;
}

export function debugSwitchesIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => DEBUG_SWITCHES.test(arg)).map((arg) => arg.split('=')[0]!);
}

export function mustRefuseDebugging(
  argv: readonly string[],
  isPackaged: boolean,
  e2eBuild = isE2eBuild(),
): boolean {
  return isPackaged && !e2eBuild && debugSwitchesIn(argv).length > 0;
}
