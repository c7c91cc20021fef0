import { toProblem } from '@styrkedjan/platform';
import { etagOf, versionFromIfMatch } from './if-match';

describe('If-Match of a triage', () => {
  it('reads the version of our ETag, strong or weak, quoted or not', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(versionFromIfMatch('"3"')).toBe(3);
    expect(versionFromIfMatch('W/"12"')).toBe(12);
    expect(versionFromIfMatch(' 7 ')).toBe(7);
  });

  it('requires one (428 naming If-Match), and refuses * and what is not our ETag', () => {
    const problem = (header: string | undefined) => {
      try {
        versionFromIfMatch(header);
      } catch (error) {
        return toProblem(error);
      }
      throw new Error('expected a refusal');
    };
    expect(problem(undefined)).toMatchObject({ status: 428, errors: [{ field: 'If-Match' }] });
    expect(problem('*')).toMatchObject({ status: 428 });
    expect(problem('"abc"')).toMatchObject({ status: 400, errors: [{ field: 'If-Match' }] });
    expect(problem('"1", "2"')).toMatchObject({ status: 400 });
  });
});
