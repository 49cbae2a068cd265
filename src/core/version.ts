// Kept in step with package.json by test/unit/version.test.ts.
export const GENERATOR = { name: 'report-annotator', version: '0.1.0' } as const;
