/** The toolkit's version, printed in every output; a test keeps it equal to package.json's. */
export const TOOLKIT_VERSION = '0.1.0';
