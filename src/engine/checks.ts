export async function runChecks(..._args: unknown[]): Promise<void> {}
