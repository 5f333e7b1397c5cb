import { StudyError, loadStudy, type LoadOptions } from '../../src/records/index.js';

/** Day number of an ISO date, worked out with Date.UTC (independently of the loader's date parsing). */
export const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** The StudyError a load must fail with. */
export async function studyError(files: Parameters<typeof loadStudy>[0], options: LoadOptions = {}): Promise<StudyError> {
  try {
    await loadStudy(files, options);
  } catch (error) {
    if (error instanceof StudyError) return error;
    throw error;
  }
  throw new Error('expected a StudyError');
}
