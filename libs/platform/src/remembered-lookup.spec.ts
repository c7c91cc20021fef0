import { rememberFound } from './remembered-lookup';

describe('rememberFound', () => {
  let now: number;
  let answers: Map<string, { name: string } | Error>;
  let asked: string[];
  const lookUp = async (key: string) => {
    asked.push(key);
    await new Promise((resolve) => setImmediate(resolve));
    const answer = answers.get(key) ?? null;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const remembered = (maxEntries = 10, ttlMs = 60_000) => rememberFound(lookUp, { maxEntries, ttlMs, now: () => now });

  beforeEach(() => {
    now = 1_000_000;
    asked = [];
    answers = new Map(['a', 'b', 'c'].map((key) => [key, { name: key.toUpperCase() }]));
  });

  it('answers from memory until the TTL has passed', async () => {
    const find = remembered();
    expect(await find('a')).toEqual({ name: 'A' });
    now += 60_000;
    expect(await find('a')).toEqual({ name: 'A' });
    expect(asked).toEqual(['a']);
    now += 1;
    expect(await find('a')).toEqual({ name: 'A' });
    expect(asked).toEqual(['a', 'a']);
  });

  it('holds at most its size, dropping the least recently used', async () => {
    const find = remembered(2);
    await find('a');
    await find('b');
    await find('a'); // a is now more recent than b
    await find('c');
    expect(asked).toEqual(['a', 'b', 'c']);
    await find('a');
    await find('c');
    expect(asked).toEqual(['a', 'b', 'c']);
    await find('b');
    expect(asked).toEqual(['a', 'b', 'c', 'b']);
  });

  it('remembers nothing when the TTL is 0', async () => {
    const find = remembered(10, 0);
    await find('a');
    await find('a');
    expect(asked).toEqual(['a', 'a']);
  });

  it('asks once for concurrent calls with the same key', async () => {
    const find = remembered();
    expect(await Promise.all([find('a'), find('a'), find('a')])).toEqual([{ name: 'A' }, { name: 'A' }, { name: 'A' }]);
    expect(asked).toEqual(['a']);
  });

  it('does not remember a miss, so a value that appears a moment later is found at once', async () => {
    const find = remembered();
    expect(await find('d')).toBeNull();
    answers.set('d', { name: 'D' });
    expect(await find('d')).toEqual({ name: 'D' });
    expect(asked).toEqual(['d', 'd']);
  });

  it('does not remember a failure, and every concurrent caller sees it', async () => {
    const find = remembered();
    answers.set('d', new Error('source down'));
    const results = await Promise.allSettled([find('d'), find('d')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(find('d')).rejects.toThrow('source down');
    answers.set('d', { name: 'D' });
    expect(await find('d')).toEqual({ name: 'D' });
    expect(asked).toEqual(['d', 'd', 'd']);
  });
});
