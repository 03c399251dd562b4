/** The platform's version, which plugins declare a range against; kept in step with package.json by a test. */
export const PLATFORM_VERSION = '0.1.0';
