import { EVENT_TYPES } from './catalogue';
import { CONSUMER_NAMES, PRODUCERS, producersFor, SUBSCRIPTIONS } from './consumers';

describe('producers and consumers', () => {
  it('gives every event type exactly one producer', () => {
    const produced = Object.values(PRODUCERS).flat();
    expect([...produced].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('names, for each consumer, the producers of what it subscribes to and no others', () => {
    expect(producersFor('pipeline')).toEqual([
      'directory',
      'needs',
      'supports',
      'feedback',
      'notifications',
      'consultations',
      'coordination',
    ]);
    expect(producersFor('coordination')).toEqual(['directory', 'needs', 'supports', 'consultations']);
    expect(producersFor('needs')).toEqual(['directory', 'supports']);
    expect(producersFor('feedback')).toEqual(['supports']);
    for (const consumer of CONSUMER_NAMES) {
      const covered = producersFor(consumer).flatMap((producer) => PRODUCERS[producer]);
      for (const type of SUBSCRIPTIONS[consumer]) expect(covered).toContain(type);
    }
  });
});
