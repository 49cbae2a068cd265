// The language id of government work reports (package.json contributes it; detection switches .txt reports to it).
export const REPORT_LANGUAGE = 'govreport';
