/** The app's version, written into every export (architecture.md pattern 7). Equal to package.json's (tested). */
export const APP_VERSION = '0.1.0';
